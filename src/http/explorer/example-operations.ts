// The explorer opens with one tab per question people most often bring to the ledger. Each names the
// bundled sample's data (上山市, 令和3年度) as its variables' default values, in the document itself:
// it runs as it is, and the Variables pane overrides any of them.

export interface ExampleTab {
  query: string;
  /** The Headers pane: where the operation needs a role, a placeholder for the caller's token. */
  headers?: string;
}

// GraphiQL sends the Headers pane with HTTP requests and as connectionParams over WebSocket.
const tokenHeaders = (role: string): string =>
  `{\n  "authorization": "Bearer <a ${role} token: plan-ledger token --role ${role} --sub YOUR-NAME>"\n}`;

const targetChange: ExampleTab = {
  query: `# How a target changed between editions: one indicator's FY2023 target as the
# 2021 and 2022 reports stated it, and every statement ever made of it.
query TargetChange(
  $indicatorId: ID! = "5-1-1/NPO法人数"
  $fiscalYear: Int! = 2023
  $fromEdition: Int! = 2021
  $toEdition: Int! = 2022
) {
  indicator(id: $indicatorId) {
    name
    unit
    measure { code title }
    change(fiscalYear: $fiscalYear, kind: TARGET, fromEdition: $fromEdition, toEdition: $toEdition) {
      from fromText to toText delta changed
    }
    history(fiscalYear: $fiscalYear, kind: TARGET) {
      value text edition recordedAt actor reason
      # Where in the published document the value stands: file, SHA-256, line (or sheet and cell)
      source { file sha256 line sheet cell layout }
    }
  }
}
`,
};

function measureAsOf(now: Date): ExampleTab {
  return {
    query: `# A measure as the ledger held it at an instant (system time). Move recordedAt
# back before an import or an edit to see the values as they were then.
query MeasureAsOf($code: String! = "5-1-1", $recordedAt: DateTimeISO! = "${now.toISOString()}") {
  measure(code: $code, at: { recordedAt: $recordedAt }) {
    code
    title
    department
    indicators {
      name
      unit
      values { fiscalYear target actual achievementRate targetRevised }
    }
  }
}
`,
  };
}

const fiscalYearsCompared: ExampleTab = {
  query: `# Two fiscal years side by side: budget, spending and staffing totals, and each indicator.
query FiscalYearsCompared($base: Int! = 2021, $compare: Int! = 2022) {
  compareFiscalYears(base: $base, compare: $compare) {
    totals {
      budget { base compare delta }
      spending { base compare delta }
      staffing { base compare delta }
      achieved { base compare delta }
    }
    indicators {
      indicator { name kind unit }
      base { target actual }
      compare { target actual }
      targetDelta
    }
  }
}
`,
};

const auditTrail: ExampleTab = {
  headers: tokenHeaders('auditor'),
  query: `# The log itself, oldest first, 20 events a page: pass pageInfo.endCursor as $after for the next.
query AuditTrail($after: String) {
  auditTrail(first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node { position streamId streamRevision type recordedAt actor reason edition hash }
    }
  }
}
`,
};

const liveEvents: ExampleTab = {
  headers: tokenHeaders('auditor'),
  query: `# Every event appended from now on (over WebSocket). Run it, then record a value in another tab.
subscription LedgerEvents($streamPrefix: String = "062073-indicator-") {
  ledgerEvents(streamPrefix: $streamPrefix) {
    position streamId type recordedAt actor reason data
  }
}
`,
};

const safeEdit: ExampleTab = {
  headers: tokenHeaders('editor'),
  query: `# A safe edit: read the indicator's revision, then write with it as expectedRevision. If someone
# else wrote in between, the answer is a CONFLICT carrying extensions.currentRevision.
# The same idempotencyKey on a retry appends nothing.
query Revision($indicatorId: ID! = "5-1-1/NPO法人数") {
  indicatorRevision(id: $indicatorId)
}

mutation RecordActual(
  $indicatorId: ID! = "5-1-1/NPO法人数"
  $expectedRevision: Int
  $idempotencyKey: String
) {
  recordValue(input: {
    indicatorId: $indicatorId, fiscalYear: 2021, kind: ACTUAL, value: 18,
    reason: "corrected after the NPO register was recounted",
    expectedRevision: $expectedRevision, idempotencyKey: $idempotencyKey
  }) {
    id
    value(fiscalYear: 2021) { target actual achievementRate }
  }
}
`,
};

export function exampleTabs(now: Date = new Date()): ExampleTab[] {
  return [targetChange, measureAsOf(now), fiscalYearsCompared, auditTrail, liveEvents, safeEdit];
}
