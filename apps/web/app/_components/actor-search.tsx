'use client';
// The typeahead's query, loaded on the first keystrokes (next/dynamic): urql and its cache stay out of the
// pages' first JS. It renders nothing; it reports what it found to the typeahead.
import { useEffect } from 'react';
import { useQuery } from 'urql';
import { ActorTypeahead_ActorsDocument, type ActorTypeahead_ActorsQuery } from '@/__generated__/graphql';
import { UrqlBrowserProvider } from '@/lib/urql-browser';

export type FoundActor = ActorTypeahead_ActorsQuery['actors']['edges'][number]['node'];
export interface Found {
  actors: FoundActor[];
  fetching: boolean;
  error: string | null;
}

export default function ActorSearch(props: { apiUrl: string; name: string; onFound: (found: Found) => void }) {
  return (
    <UrqlBrowserProvider apiUrl={props.apiUrl}>
      <Search name={props.name} onFound={props.onFound} />
    </UrqlBrowserProvider>
  );
}

function Search({ name, onFound }: { name: string; onFound: (found: Found) => void }) {
  const [{ data, fetching, error }] = useQuery({ query: ActorTypeahead_ActorsDocument, variables: { name } });
  useEffect(
    () => onFound({ actors: data?.actors.edges.map((e) => e.node) ?? [], fetching, error: error?.message ?? null }),
    [data, fetching, error, onFound],
  );
  return null;
}
