'use client';
// Claim volume per time bucket, stacked by the bias-label values of one scheme (visx on d3 scales), on a real time
// axis: a bucket spans its days, so gaps between dates show as gaps. Every bar segment links to the explorer
// filtered to that bucket and label.
import { useState } from 'react';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scaleOrdinal, scaleUtc } from '@visx/scale';

export interface Bucket {
  start: string;
  end: string;
  claimCount: number;
  byValue: Record<string, number>;
}

const PALETTE = ['#1f4fbf', '#b3261e', '#0b6e69', '#8a5a00', '#5b3cc4', '#c2185b', '#2e7d32', '#6d4c41', '#00838f'];
const NONE = 'no label';
const W = 960;
const H = 320;
const M = { top: 12, right: 12, bottom: 42, left: 44 };

export function TimelineChart({
  buckets,
  values,
  scheme,
  bucketLabel,
}: {
  buckets: Bucket[];
  values: string[];
  scheme: string;
  bucketLabel: string;
}) {
  const [hover, setHover] = useState<string | null>(null);
  const keys = [...values, NONE];
  const rows = buckets.map((b) => {
    const labelled = values.reduce((s, v) => s + (b.byValue[v] ?? 0), 0);
    return {
      start: b.start,
      end: b.end,
      total: b.claimCount,
      ...Object.fromEntries(values.map((v) => [v, b.byValue[v] ?? 0])),
      [NONE]: Math.max(0, b.claimCount - labelled),
    };
  });
  // The span of the buckets with claims: a bucket holding events only (a war of 1979 a 2020 article recalls) is listed
  // under the chart, not plotted, so the axis covers what was published.
  const dated = rows.filter((r) => r.total > 0);
  const span = [new Date(dated[0]?.start ?? 0), new Date(dated.at(-1)?.end ?? 0)];
  const x = scaleUtc<number>({ domain: span, range: [0, W - M.left - M.right] });
  const barWidth = (r: { start: string; end: string }) => Math.max(2, x(new Date(r.end)) - x(new Date(r.start)) - 1);
  const maxY = Math.max(
    1,
    ...rows.map((r) => keys.reduce((s, k) => s + Number((r as Record<string, unknown>)[k] ?? 0), 0)),
  );
  const y = scaleLinear<number>({ domain: [0, maxY], range: [H - M.top - M.bottom, 0], nice: true });
  const color = scaleOrdinal<string, string>({ domain: keys, range: [...PALETTE.slice(0, values.length), '#b8bcc6'] });
  const fmt = (iso: string) => (bucketLabel === 'MONTH' ? iso.slice(0, 7) : iso.slice(0, 10));

  return (
    <figure style={{ margin: 0 }}>
      <div className="graph-wrap">
        <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-labelledby="timeline-desc" data-testid="timeline-chart">
          <title id="timeline-desc">
            Claims per {bucketLabel.toLowerCase()} stacked by {scheme}:{' '}
            {dated.map((r) => `${fmt(r.start)} ${r.total}`).join('; ')}.
          </title>
          <Group left={M.left} top={M.top}>
            {dated.map((row) => {
              let below = 0;
              return keys.map((key) => {
                const count = Number((row as Record<string, unknown>)[key] ?? 0);
                if (!count) return null;
                const top = below + count;
                const rect = { x: x(new Date(row.start)), y: y(top), width: barWidth(row), height: y(below) - y(top) };
                below = top;
                const q = new URLSearchParams({ from: row.start.slice(0, 10), to: row.end.slice(0, 10) });
                if (key !== NONE) q.set('label', `${scheme}:${key}`);
                const text = `${fmt(row.start)} · ${key}: ${count} claims`;
                return (
                  <a
                    key={`${row.start}-${key}`}
                    href={`/?${q}`}
                    aria-label={`${fmt(row.start)}: ${count} claims from ${key === NONE ? 'outlets without a ' + scheme + ' label' : scheme + ' ' + key} outlets`}
                    onMouseEnter={() => setHover(text)}
                    onMouseLeave={() => setHover(null)}
                    onFocus={() => setHover(text)}
                    onBlur={() => setHover(null)}
                  >
                    <rect {...rect} fill={color(key)} data-testid="timeline-bar" data-start={row.start} />
                  </a>
                );
              });
            })}
            <AxisLeft
              scale={y}
              numTicks={5}
              tickLabelProps={{ fill: '#4a4f57', fontSize: 11, textAnchor: 'end', dx: -4, dy: 3 }}
              stroke="#8c919b"
              tickStroke="#8c919b"
            />
            <AxisBottom
              top={H - M.top - M.bottom}
              scale={x}
              tickFormat={(d) => x.tickFormat(8)(d as Date)}
              numTicks={8}
              tickLabelProps={{ fill: '#4a4f57', fontSize: 11, textAnchor: 'middle' }}
              stroke="#8c919b"
              tickStroke="#8c919b"
            />
          </Group>
        </svg>
      </div>
      <figcaption className="row" style={{ justifyContent: 'space-between', marginTop: '.4rem' }}>
        <span className="legend" aria-label="Legend">
          {keys.map((k) => (
            <span key={k} style={{ ['--sw' as string]: color(k) }}>
              {k}
            </span>
          ))}
        </span>
        <span className="small muted" role="status" aria-live="polite">
          {hover ?? 'Hover or focus a bar for its count; click to open those claims.'}
        </span>
      </figcaption>
    </figure>
  );
}
