// The claim page's review section: editors and admins get the correction panel; viewers see nothing extra.
import { ClaimReview_ClaimDocument } from '../../__generated__/graphql';
import { env } from '../../env';
import { ApiUrlProvider } from './api-url';
import { serverQuery } from '../../lib/urql-server';
import { ReviewPanel } from './review-panel';

export async function ClaimReview({ claimId }: { claimId: string }) {
  const res = await serverQuery(ClaimReview_ClaimDocument, { id: claimId });
  const claim = res.data?.claim;
  if (!claim || !res.data || res.data.me.role === 'VIEWER') {
    return claim?.reviewNote ? <p className="small muted">Review note: {claim.reviewNote}</p> : null;
  }
  return (
    <ApiUrlProvider apiUrl={env().publicApiUrl}>
      <ReviewPanel
        claimId={claim.id}
        text={claim.text}
        modality={claim.modality}
        reviewStatus={claim.reviewStatus}
        reviewNote={claim.reviewNote}
        attribution={claim.attribution.map((l) => ({
          kind: l.kind,
          label: l.label,
          actorId: l.actor?.id ?? null,
          sourceId: l.source?.id ?? null,
        }))}
      />
    </ApiUrlProvider>
  );
}
