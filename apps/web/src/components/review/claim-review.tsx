// The claim page's review section: editors and admins get the correction panel; viewers see nothing extra.
import { env } from '../../env';
import { ReviewPanel } from './review-panel';
import { serverGql, type Role } from './server-api';

interface Data {
  me: { role: Role };
  claim: {
    id: string;
    text: string;
    modality: string;
    reviewStatus: string;
    reviewNote: string | null;
    attribution: { kind: string; label: string; actor: { id: string } | null; source: { id: string } | null }[];
  } | null;
}

export async function ClaimReview({ claimId }: { claimId: string }) {
  const res = await serverGql<Data>('query($id: ID!) { me { role } claim(id: $id) { id text modality reviewStatus reviewNote attribution { kind label actor { id } source { id } } } }', { id: claimId });
  const claim = res.data?.claim;
  if (!claim || !res.data || res.data.me.role === 'VIEWER') {
    return claim?.reviewNote ? <p className="small muted">Review note: {claim.reviewNote}</p> : null;
  }
  return (
    <ReviewPanel
      apiUrl={env().publicApiUrl}
      claimId={claim.id}
      text={claim.text}
      modality={claim.modality}
      reviewStatus={claim.reviewStatus}
      reviewNote={claim.reviewNote}
      attribution={claim.attribution.map((l) => ({ kind: l.kind, label: l.label, actorId: l.actor?.id ?? null, sourceId: l.source?.id ?? null }))}
    />
  );
}
