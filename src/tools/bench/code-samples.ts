/**
 * The code block of each synthetic case study. Languages rotate (lua, ts, go, python, yaml)
 * so the benchmark exercises several shiki grammars, the way real case studies do; each
 * snippet carries the study's number so no two blocks are identical.
 */
export const CODE_LANGUAGES = ['lua', 'ts', 'go', 'python', 'yaml'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

export function codeLanguageFor(i: number): CodeLanguage {
  return CODE_LANGUAGES[i % CODE_LANGUAGES.length] as CodeLanguage;
}

/** A fenced code block (with the fence) of 15-30 lines in the study's language. */
export function codeBlock(i: number): string {
  const lang = codeLanguageFor(i);
  return ['```' + lang, SNIPPETS[lang](i).trim(), '```'].join('\n');
}

const SNIPPETS: Record<CodeLanguage, (i: number) => string> = {
  lua: (i) => `
-- KEYS[1]: sliding window for study ${i}; ARGV: now_ms, window_ms, limit, member
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  local wait = window
  if oldest[2] then wait = tonumber(oldest[2]) + window - now end
  return {0, wait}
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return {1, ${i % 97}}
`,
  ts: (i) => `
interface Attempt${i} {
  key: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export async function processOnce${i}(store: Map<string, string>, job: Attempt${i}): Promise<string> {
  const previous = store.get(job.key);
  if (previous !== undefined) return previous; // idempotent replay
  const result = JSON.stringify({ ok: true, size: Object.keys(job.payload).length });
  store.set(job.key, result);
  return result;
}

export function backoff(attempt: number, baseMs = ${50 + (i % 50)}): number {
  const jitter = Math.random() * baseMs;
  return Math.min(30_000, baseMs * 2 ** attempt + jitter);
}
`,
  go: (i) => `
type Breaker${i} struct {
	mu       sync.Mutex
	failures int
	openedAt time.Time
	limit    int
	cooldown time.Duration
}

func (b *Breaker${i}) Allow(now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.failures < b.limit {
		return true
	}
	return now.Sub(b.openedAt) > b.cooldown // half-open after ${i % 60} s
}

func (b *Breaker${i}) Record(err error, now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err == nil {
		b.failures = 0
		return
	}
	b.failures++
	if b.failures == b.limit {
		b.openedAt = now
	}
}
`,
  python: (i) => `
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Event${i}:
    key: str
    offset: int
    amount_cents: int


def reconcile(events: Iterable[Event${i}], ledger: dict[str, int]) -> list[str]:
    """Apply each event once; return the keys that were already applied."""
    duplicates = []
    seen: set[tuple[str, int]] = set()
    for event in sorted(events, key=lambda e: e.offset):
        if (event.key, event.offset) in seen:
            duplicates.append(event.key)
            continue
        seen.add((event.key, event.offset))
        ledger[event.key] = ledger.get(event.key, 0) + event.amount_cents
    return duplicates  # ${i}
`,
  yaml: (i) => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker-${i}
  labels:
    app.kubernetes.io/part-of: casebook-bench
spec:
  replicas: ${2 + (i % 6)}
  strategy:
    type: RollingUpdate
    rollingUpdate: { maxUnavailable: 0, maxSurge: 1 }
  template:
    spec:
      containers:
        - name: worker
          image: registry.example.com/worker:1.${i}.0
          resources:
            requests: { cpu: 250m, memory: 256Mi }
            limits: { memory: 512Mi }
          readinessProbe:
            httpGet: { path: /healthz, port: 8080 }
            periodSeconds: 5
`,
};
