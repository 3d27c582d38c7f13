/**
 * Word lists the synthetic case studies are assembled from. Varied enough that a
 * 1,000-study site has realistic taxonomy (a dozen categories, ~60 tag pages, related
 * studies that overlap partially) and prose that is not one sentence repeated.
 */
export const CATEGORIES = [
  'Distributed Systems',
  'Payments',
  'Data Engineering',
  'Platform Engineering',
  'Security',
  'Machine Learning Infrastructure',
  'Web3',
  'Observability',
  'Developer Experience',
  'Networking',
  'Mobile Backend',
  'Storage',
] as const;

export const STACK = [
  'Go', 'Rust', 'TypeScript', 'Python', 'Java', 'Kotlin', 'Lua', 'Elixir',
  'Kafka', 'Redis', 'PostgreSQL', 'DynamoDB', 'Cassandra', 'ClickHouse', 'SQLite', 'S3',
  'Kubernetes', 'Terraform', 'AWS Lambda', 'GCP Pub/Sub', 'Envoy', 'gRPC', 'GraphQL', 'NATS',
  'Prometheus', 'Grafana', 'OpenTelemetry', 'Flink', 'Spark', 'Airflow', 'React', 'Next.js',
] as const;

export const TAGS = [
  'Idempotency', 'Event Sourcing', 'CQRS', 'SAGA', 'Rate Limiting', 'Circuit Breaker',
  'Multi-Tenancy', 'Zero Trust', 'mTLS', 'HIPAA', 'PCI DSS', 'GDPR', 'Zero-Knowledge',
  'Exactly-Once', 'Backpressure', 'Sharding', 'Consensus', 'Caching', 'Feature Store',
  'Model Serving', 'Search', 'Cost Optimisation', 'Latency', 'Chaos Engineering', 'SLOs',
  'Migrations', 'Blue-Green Deploys', 'Schema Evolution', 'Stream Processing', 'Batch Processing',
  'Graceful Degradation', 'API Gateway', 'Service Mesh', 'Formal Methods', 'Property Testing',
  'Incident Response', 'On-Call', 'Capacity Planning', 'Data Lineage', 'Encryption at Rest',
] as const;

export const SYSTEM_ADJECTIVES = [
  'Distributed', 'Idempotent', 'Event-Driven', 'Multi-Region', 'Real-Time', 'Serverless',
  'Zero-Downtime', 'Tenant-Aware', 'Self-Healing', 'Audited', 'Streaming', 'Cost-Aware',
] as const;

export const SYSTEM_NOUNS = [
  'Rate Limiter', 'Payment Pipeline', 'Order Platform', 'Feature Store', 'Search Indexer',
  'Audit Log', 'Job Scheduler', 'Notification Service', 'Ledger', 'Config Service',
  'Metrics Pipeline', 'Session Store', 'Identity Broker', 'Media Transcoder', 'Billing Engine',
  'Inventory Service', 'Recommendation API', 'Webhook Dispatcher', 'Deploy Orchestrator', 'Cache Tier',
] as const;

export const ACTORS = ['the API', 'the gateway', 'each worker', 'the scheduler', 'the consumer group', 'the ledger', 'every tenant', 'the on-call engineer'] as const;
export const VERBS = ['retries', 'batches', 'shards', 'replicates', 'acknowledges', 'compacts', 'throttles', 'reconciles', 'deduplicates', 'partitions'] as const;
export const OBJECTS = ['every write', 'the outbox', 'stale reads', 'the hot partition', 'late events', 'duplicate charges', 'the backlog', 'schema changes', 'cold caches', 'the slow path'] as const;
export const OUTCOMES = [
  'which kept p99 latency under 40 ms',
  'so a failover lost no acknowledged data',
  'and the error budget stopped burning overnight',
  'which cut the monthly bill by a third',
  'so replays became safe by construction',
  'and nobody was paged for it again',
  'which made the behaviour testable in isolation',
  'so the dashboards finally matched the invoices',
] as const;

export const METRIC_LABELS = ['Throughput', 'p99 latency', 'Availability', 'Cost per request', 'Error rate', 'Recovery time', 'Events per day', 'Tenants served'] as const;
/** Aligned with METRIC_LABELS: the value at the same index reads naturally after that label. */
export const METRIC_VALUES = ['50k+ events/sec', '38 ms', '99.99%', '$0.0004', '0.02%', '90 s', '1.2B', '340'] as const;
