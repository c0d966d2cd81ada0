export const typeDefs = /* GraphQL */ `
  """A member's role: VIEWER reads; EDITOR also ingests, corrects and labels; ADMIN also manages people, tokens and settings."""
  enum Role {
    VIEWER
    EDITOR
    ADMIN
  }

  """How this Claimgraph runs."""
  enum AccessMode {
    """No login; everyone on this machine is the owner of the 'local' workspace."""
    LOCAL
    """Login required; members of workspaces with roles."""
    TEAM
  }

  """How the viewer authenticated."""
  enum AuthVia {
    """Local mode's implicit owner."""
    LOCAL
    """A browser session cookie."""
    SESSION
    """A personal API token (Authorization: Bearer)."""
    TOKEN
  }

  """A person with an account."""
  type User {
    """Database id of the user."""
    databaseId: Int!
    """Email address (the login)."""
    email: String!
    """Display name, when given."""
    name: String
  }

  """A workspace: one separate corpus and its members."""
  type Workspace {
    """Database id of the workspace."""
    databaseId: Int!
    """URL-safe short name."""
    slug: String!
    """Display name."""
    name: String!
  }

  """Who is asking, in which workspace, with which role."""
  type Viewer {
    """LOCAL or TEAM."""
    mode: AccessMode!
    """How the request authenticated."""
    via: AuthVia!
    """The signed-in person (local mode: the implicit owner)."""
    user: User!
    """The workspace every query and mutation of this request is scoped to."""
    workspace: Workspace!
    """The viewer's role in that workspace (a token's role, capped at its owner's)."""
    role: Role!
    """The actions this role allows, e.g. claim:correct, member:manage."""
    permissions: [String!]!
  }

  """A member of the workspace."""
  type Member {
    """Database id of the membership."""
    databaseId: Int!
    """The person."""
    user: User!
    """Their role here."""
    role: Role!
    """When they joined."""
    createdAt: DateTime!
  }

  """An invitation to join the workspace."""
  type Invitation {
    """Database id of the invitation."""
    databaseId: Int!
    """Who was invited."""
    email: String!
    """The role they get on accepting."""
    role: Role!
    """When the link stops working."""
    expiresAt: DateTime!
    """When it was accepted; null while pending."""
    acceptedAt: DateTime
    """When it was sent."""
    createdAt: DateTime!
  }

  """A just-created invitation, with its one-time link token (shown once, stored hashed)."""
  type CreatedInvitation {
    """The invitation."""
    invitation: Invitation!
    """The secret for the link; it cannot be shown again."""
    token: String!
    """Path of the dashboard page that accepts it, e.g. /login/accept?token=…"""
    acceptPath: String!
  }

  """A personal API token (never its secret)."""
  type ApiToken {
    """Database id of the token."""
    databaseId: Int!
    """What it is for."""
    name: String!
    """The first characters (cg_ and 6 more), to tell tokens apart."""
    prefix: String!
    """Highest role it grants (capped at its owner's current role)."""
    role: Role!
    """Whose token it is."""
    user: User!
    """When it was created."""
    createdAt: DateTime!
    """When it was last used (updated at most once a minute)."""
    lastUsedAt: DateTime
    """When it was revoked; null while it works."""
    revokedAt: DateTime
    """When it stops working (every token ends; at most a year after creation)."""
    expiresAt: DateTime!
  }

  """A just-created API token with its secret, shown this once."""
  type CreatedApiToken {
    """The token's record."""
    apiToken: ApiToken!
    """The secret: send it as Authorization: Bearer <secret>. It cannot be shown again."""
    secret: String!
  }

  """One audit-log entry: who did what to which row, with the fields before and after."""
  type AuditEntry {
    """Database id of the entry (a decimal string)."""
    databaseId: String!
    """<entity>.<verb>, e.g. claim.correct, actor.merge, token.create."""
    action: String!
    """The kind of row changed, e.g. claim, Membership, ApiToken."""
    entityType: String!
    """Which row (an id or correction key)."""
    entityId: String
    """The changed fields before, as JSON text (null on create)."""
    before: String
    """The changed fields after, as JSON text (null on delete)."""
    after: String
    """When it happened."""
    createdAt: DateTime!
    """Who did it (null for the system)."""
    user: User
  }

  """A page of the audit log, newest first."""
  type AuditPage {
    """The entries."""
    entries: [AuditEntry!]!
    """Pass as \`before\` for older entries; null at the end."""
    nextCursor: String
  }

  """Result of \`inviteMember\`: exactly one of \`ok\` and \`error\` is set."""
  type InviteMemberPayload {
    """Set on success."""
    ok: CreatedInvitation
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  """Result of \`changeMemberRole\`: exactly one of \`ok\` and \`error\` is set."""
  type MemberPayload {
    """The member after the change."""
    ok: Member
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  """Result of \`removeMember\`: exactly one of \`ok\` and \`error\` is set."""
  type RemoveMemberPayload {
    """True when the member was removed (their tokens here are revoked)."""
    ok: Boolean
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  """Result of \`createApiToken\`: exactly one of \`ok\` and \`error\` is set."""
  type CreateApiTokenPayload {
    """The token and its secret."""
    ok: CreatedApiToken
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  """Result of \`revokeApiToken\`: exactly one of \`ok\` and \`error\` is set."""
  type ApiTokenPayload {
    """The token after revocation."""
    ok: ApiToken
    """Set on an expected failure; nothing was written."""
    error: UserError
  }

  extend type Query {
    """Who is asking: mode (for the local-mode banner), user, workspace, role and permissions."""
    me: Viewer!
    """Members of your workspace. Any member may list them."""
    members: [Member!]!
    """Invitations of your workspace, newest first. Requires ADMIN."""
    invitations: [Invitation!]!
    """Your own API tokens; with allMembers (ADMIN), every member's tokens in this workspace."""
    apiTokens(allMembers: Boolean = false): [ApiToken!]!
    """The workspace's audit log, newest first, optionally for one entity. Requires ADMIN."""
    auditLog(first: Int = 50, before: String, entityType: String, entityId: String): AuditPage!
  }

  extend type Mutation {
    """Invites an email address with a role; returns the one-time link token. Requires ADMIN."""
    inviteMember(email: String!, role: Role!): InviteMemberPayload!
    """Changes a member's role (the last admin cannot be demoted). Requires ADMIN."""
    changeMemberRole(userId: Int!, role: Role!): MemberPayload!
    """Removes a member and revokes their tokens here. Requires ADMIN."""
    removeMember(userId: Int!): RemoveMemberPayload!
    """
    Creates a personal API token for this workspace with a role no higher than yours, working for \`expiresInDays\`
    (1–365); the secret is shown once. Only a signed-in person can create one, not another token.
    """
    createApiToken(name: String!, role: Role!, expiresInDays: Int = 90): CreateApiTokenPayload!
    """Revokes a token at once: your own, or (ADMIN) any member's."""
    revokeApiToken(id: Int!): ApiTokenPayload!
  }
`;
