// The plan view's heading. The municipality's name comes first: plans are titled alike across
// municipalities (総合計画, 振興計画), and the name is known from the view's first answer, before the plan
// has loaded, and even when nothing of that municipality is imported yet.

export function planHeading(code: string, name: string | null, planTitle: string | null): string {
  const who = name ?? `団体コード ${code}`;
  if (!planTitle) return `${who}の計画`;
  // A title that names its municipality already (第7次上山市振興計画) is not prefixed with it again.
  return name !== null && planTitle.includes(name) ? planTitle : `${who} ${planTitle}`;
}
