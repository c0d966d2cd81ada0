'use client';
// Co-occurrence network: d3-force computes the layout, React renders it as SVG. Nodes are focusable
// links (Tab / Enter), hovering or focusing one highlights its neighbours, and nodes can be dragged.
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';

export interface GraphNodeIn {
  id: string;
  databaseId: number;
  name: string;
  kind: string;
  depth: number;
  claimCount: number;
}
export interface GraphEdgeIn {
  from: string;
  to: string;
  weight: number;
}

interface SimNode extends SimulationNodeDatum, GraphNodeIn {
  degree: number;
}
type SimLink = SimulationLinkDatum<SimNode> & { weight: number };

const W = 900;
const H = 560;
const KIND_COLOR: Record<string, string> = {
  PERSON: '#1f4fbf',
  ORGANIZATION: '#0b6e69',
  STATE: '#b3261e',
  ARMED_GROUP: '#8a5a00',
  COMPANY: '#5b3cc4',
  MEDIA: '#4a4f57',
  OTHER: '#6b7280',
};

function layout(nodesIn: GraphNodeIn[], edgesIn: GraphEdgeIn[]) {
  const degree = new Map<string, number>();
  for (const e of edgesIn) {
    degree.set(e.from, (degree.get(e.from) ?? 0) + e.weight);
    degree.set(e.to, (degree.get(e.to) ?? 0) + e.weight);
  }
  const nodes: SimNode[] = nodesIn.map((n) => ({ ...n, degree: degree.get(n.id) ?? 0 }));
  const ids = new Set(nodes.map((n) => n.id));
  const links: SimLink[] = edgesIn
    .filter((e) => ids.has(e.from) && ids.has(e.to))
    .map((e) => ({ source: e.from, target: e.to, weight: e.weight }));
  const center = nodes.find((n) => n.depth === 0);
  if (center) {
    center.fx = W / 2;
    center.fy = H / 2;
  }
  // Deterministic: d3-force seeds positions on a phyllotaxis spiral and uses its own seeded LCG,
  // so the server render and the browser's hydration agree.
  const sim = forceSimulation(nodes)
    .force(
      'link',
      forceLink<SimNode, SimLink>(links)
        .id((n) => n.id)
        .distance((l) => 90 - Math.min(40, l.weight * 5)),
    )
    .force('charge', forceManyBody().strength(-260))
    .force(
      'collide',
      forceCollide<SimNode>().radius((n) => radius(n) + 14),
    )
    .force('x', forceX(W / 2).strength(0.05))
    .force('y', forceY(H / 2).strength(0.08))
    .force('center', forceCenter(W / 2, H / 2))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  for (const n of nodes) {
    n.x = Math.max(24, Math.min(W - 24, n.x ?? W / 2));
    n.y = Math.max(24, Math.min(H - 24, n.y ?? H / 2));
  }
  return { nodes, links };
}

function radius(n: { depth: number; claimCount: number }): number {
  return n.depth === 0 ? 16 : 6 + Math.min(10, Math.sqrt(n.claimCount) * 2);
}

export function ActorGraph({ nodes: nodesIn, edges: edgesIn }: { nodes: GraphNodeIn[]; edges: GraphEdgeIn[] }) {
  const router = useRouter();
  const base = useMemo(() => layout(nodesIn, edgesIn), [nodesIn, edgesIn]);
  const [moved, setMoved] = useState<Record<string, { x: number; y: number }>>({});
  const [focus, setFocus] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ id: string; moved: boolean } | null>(null);

  const pos = (n: SimNode) => moved[n.id] ?? { x: n.x ?? 0, y: n.y ?? 0 };
  const neighbours = useMemo(() => {
    const m = new Map<string, Set<string>>();
    for (const l of base.links) {
      const s = (l.source as SimNode).id;
      const t = (l.target as SimNode).id;
      m.set(s, (m.get(s) ?? new Set()).add(t));
      m.set(t, (m.get(t) ?? new Set()).add(s));
    }
    return m;
  }, [base]);
  const labelled = useMemo(
    () =>
      new Set(
        [...base.nodes]
          .sort((a, b) => b.degree - a.degree)
          .slice(0, 14)
          .map((n) => n.id),
      ),
    [base],
  );
  const lit = (id: string) => !focus || id === focus || neighbours.get(focus)?.has(id);

  const toSvg = (e: ReactPointerEvent) => {
    const svg = svgRef.current!;
    const r = svg.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * W, y: ((e.clientY - r.top) / r.height) * H };
  };

  if (base.nodes.length <= 1) return <p className="muted">No other actor appears in claims with this one yet.</p>;
  return (
    <div className="graph-wrap">
      <svg
        ref={svgRef}
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-label={`Co-occurrence network: ${base.nodes.length} actors, ${base.links.length} links. Tab through actors; Enter opens one.`}
        data-testid="actor-graph"
        onPointerMove={(e) => {
          if (!drag.current) return;
          drag.current.moved = true;
          const p = toSvg(e);
          setMoved((m) => ({ ...m, [drag.current!.id]: p }));
        }}
        onPointerUp={() => {
          drag.current = null;
        }}
        onPointerLeave={() => {
          drag.current = null;
        }}
      >
        <g aria-hidden="true">
          {base.links.map((l, i) => {
            const s = l.source as SimNode;
            const t = l.target as SimNode;
            const on = lit(s.id) && lit(t.id) && (!focus || s.id === focus || t.id === focus);
            return (
              <line
                key={i}
                x1={pos(s).x}
                y1={pos(s).y}
                x2={pos(t).x}
                y2={pos(t).y}
                stroke={on ? '#6b7280' : '#e2e4e8'}
                strokeWidth={Math.min(6, 0.8 + l.weight * 0.8)}
              />
            );
          })}
        </g>
        {base.nodes.map((n) => {
          const p = pos(n);
          const showLabel =
            n.depth === 0 ||
            labelled.has(n.id) ||
            focus === n.id ||
            (focus !== null && neighbours.get(focus)?.has(n.id));
          return (
            <g
              key={n.id}
              className="graph-node"
              data-testid="graph-node"
              transform={`translate(${p.x},${p.y})`}
              tabIndex={0}
              role="link"
              aria-label={`${n.name}, ${n.kind.toLowerCase().replace('_', ' ')}, ${n.claimCount} claims, ${neighbours.get(n.id)?.size ?? 0} co-occurring actors`}
              style={{ cursor: 'pointer', opacity: lit(n.id) ? 1 : 0.25 }}
              onFocus={() => setFocus(n.id)}
              onBlur={() => setFocus(null)}
              onMouseEnter={() => setFocus(n.id)}
              onMouseLeave={() => setFocus(null)}
              onPointerDown={(e) => {
                drag.current = { id: n.id, moved: false };
                (e.target as Element).setPointerCapture?.(e.pointerId);
              }}
              onClick={() => {
                if (!drag.current?.moved) router.push(`/actors/${n.databaseId}`);
                drag.current = null;
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  router.push(`/actors/${n.databaseId}`);
                }
              }}
            >
              <circle r={radius(n)} fill={KIND_COLOR[n.kind] ?? KIND_COLOR.OTHER} stroke="#fff" strokeWidth={2} />
              {showLabel ? (
                <text
                  x={radius(n) + 4}
                  y={4}
                  fontSize={n.depth === 0 ? 15 : 12}
                  fontWeight={n.depth === 0 ? 700 : 400}
                  fill="#1b1d21"
                  stroke="#fff"
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {n.name}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <div className="legend" style={{ padding: '.5rem .75rem' }} aria-label="Colour legend">
        {Object.entries(KIND_COLOR).map(([k, c]) => (
          <span key={k} style={{ ['--sw' as string]: c }}>
            {k.toLowerCase().replace('_', ' ')}
          </span>
        ))}
      </div>
    </div>
  );
}
