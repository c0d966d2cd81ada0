// A workspace's own labels for outlets: add, change, retire (see ../writes.ts for what every write does).
import { audit, type Db, type Viewer } from '@claimgraph/auth';
import type { Prisma } from '@claimgraph/db';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { ExpectedError, parseInput } from '../access/payload.js';
import { notFound, write } from '../writes.js';
import { forgetLabelSpellings, visibleSourceWhere } from './filter-sql.js';
import { AddLabelModel, ChangeLabelModel } from './validation.js';

async function ownLabel(tx: Db, viewer: Viewer, id: number) {
  const label = await tx.biasLabel.findFirst({
    where: { id, OR: [{ workspaceId: null }, { workspaceId: viewer.workspaceId }] },
  });
  if (!label) throw notFound('BiasLabel', id);
  if (label.workspaceId === null) {
    throw new ExpectedError(
      'READ_ONLY',
      'Shared starter labels are read-only; add your workspace’s own label (addLabel) instead',
    );
  }
  return label;
}

const labelFields = ({ scheme, value, rater, url, note, assertedAt, retiredAt }: Record<string, unknown>) => ({
  scheme,
  value,
  rater,
  url,
  note,
  assertedAt,
  retiredAt,
});

/** A label write (announced to every API process at commit by BiasLabel's trigger); this process's copy dropped after it. */
async function labelWrite<T>(ctx: Context, fn: Parameters<typeof write<T>>[1]) {
  try {
    return await write<T>(ctx, fn);
  } finally {
    forgetLabelSpellings();
  }
}

export async function addLabel(ctx: Context, raw: unknown) {
  assertCan(ctx.viewer, 'label:write');
  return labelWrite(ctx, async (tx, viewer) => {
    const input = parseInput(AddLabelModel, raw, 'input');
    if (
      !(await tx.source.findFirst({
        where: { id: input.sourceId, ...visibleSourceWhere(viewer.workspaceId) },
        select: { id: true },
      }))
    )
      throw notFound('Source', input.sourceId);
    const rater = input.rater ?? (await tx.user.findUniqueOrThrow({ where: { id: viewer.userId } })).email;
    const label = await tx.biasLabel.create({
      data: {
        sourceId: input.sourceId,
        workspaceId: viewer.workspaceId,
        scheme: input.scheme,
        value: input.value,
        rater,
        url: input.url ?? null,
        note: input.note ?? null,
        assertedAt: input.assertedAt ?? new Date(),
      },
    });
    await audit(tx, viewer, 'label.add', 'BiasLabel', label.id, null, {
      sourceId: label.sourceId,
      ...labelFields(label),
    });
    return label;
  });
}

export async function changeLabel(ctx: Context, id: number, raw: unknown) {
  assertCan(ctx.viewer, 'label:write');
  return labelWrite(ctx, async (tx, viewer) => {
    const input = parseInput(ChangeLabelModel, raw, 'input');
    const label = await ownLabel(tx, viewer, id);
    if (label.retiredAt) throw new ExpectedError('READ_ONLY', `Label ${id} is retired; add a new one instead`);
    const data: Prisma.BiasLabelUpdateInput = {};
    if (input.value != null) data.value = input.value;
    if (input.rater != null) data.rater = input.rater;
    if (input.url !== undefined) data.url = input.url;
    if (input.note !== undefined) data.note = input.note;
    if (input.assertedAt !== undefined) data.assertedAt = input.assertedAt;
    const updated = await tx.biasLabel.update({ where: { id }, data });
    await audit(tx, viewer, 'label.change', 'BiasLabel', id, labelFields(label), labelFields(updated));
    return updated;
  });
}

export async function retireLabel(ctx: Context, id: number, note: string | null | undefined) {
  assertCan(ctx.viewer, 'label:write');
  return labelWrite(ctx, async (tx, viewer) => {
    const label = await ownLabel(tx, viewer, id);
    if (label.retiredAt) return label;
    const updated = await tx.biasLabel.update({
      where: { id },
      data: { retiredAt: new Date(), ...(note ? { note } : {}) },
    });
    await audit(tx, viewer, 'label.retire', 'BiasLabel', id, labelFields(label), labelFields(updated));
    return updated;
  });
}
