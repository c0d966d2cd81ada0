// Cross-outlet relations on blind story gold (eval/story-gold/README.md): each story's articles are extracted
// (text, outlet, publication day, url), compared together, and scored against the story's exhaustive
// contradictions and its listed corroborations, each claim named by its evidence in the article's text.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/index.js';
import { relationTotals, storyScores, type GoldFile, type GoldRelation, type RelationScore } from './eval-lib.js';

interface StoryArticle {
  file: string;
  outlet: string;
  published: string;
  url: string;
}

export function scoreStoryGold(dir: string): RelationScore | null {
  if (!existsSync(join(dir, 'articles.json'))) return null;
  const articles = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')) as StoryArticle[];
  const relations = JSON.parse(readFileSync(join(dir, 'contradictions.json'), 'utf8')) as GoldRelation[];
  const readText = (file: string) => readFileSync(join(dir, file), 'utf8');
  // Gold files with no claims: a relation's claim is found by its own evidence (claim_index names none).
  const golds: GoldFile[] = articles.map((a) => ({
    file: a.file,
    outlet: { name: a.outlet },
    url: a.url,
    published_external: a.published,
    actors: [],
    events: [],
    claims: [],
  }));
  const results = new Map(
    articles.map((a) => [
      a.file,
      extract({ text: readText(a.file), outlet: a.outlet, url: a.url, publishedAt: a.published }),
    ]),
  );
  const folder = { name: 'story-gold', golds, readText, relations };
  return relationTotals(
    storyScores(
      { folder, results, files: [] },
      relations.map((r) => ({ ...r, claims: r.claims.map((c) => ({ ...c, claim_index: -1 })) })),
      [],
    ),
  );
}
