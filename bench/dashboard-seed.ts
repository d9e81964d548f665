import type postgres from "postgres";

/**
 * The dashboard benchmark's data, made in PostgreSQL with generate_series so it takes
 * seconds: brokerages with five attempts each (four superseded, the latest in every
 * review state), one run per attempt with ten check results, approvals for the approved
 * (a few regressed), change requests, notes and audit events. Shaped like a year of a busy portal.
 */
export const SEED = { brokerages: 10_000, attemptsPerBrokerage: 5, checksPerRun: 10 };

const CHECKS = ["input", "tenant", "token", "permissions", "calendar.read", "calendar.write", "contacts.read", "contacts.write", "mail.send", "secret.expiry"];

export async function seedDashboard(sql: postgres.Sql) {
  // Eight customer-success managers (accounts without passwords: nobody signs in as them).
  await sql`
    insert into users (id, name, email, email_verified, role)
    select 'bench-csm-' || g, (array['Avery','Blake','Casey','Drew','Emery','Finley','Harper','Jordan'])[g + 1] || ' CSM', 'csm' || g || '@bench.example', true, 'csm'
    from generate_series(0, 7) g`;

  await sql`
    insert into brokerages (id, name, email_domain, csm_id, stage, stage_changed_at, created_at)
    select gen_random_uuid(),
      (array['Harbor','Summit','Cedar','Maple','Granite','Willow','Coastal','Prairie','Lakeside','Northgate'])[1 + g % 10] || ' ' ||
      (array['Realty','Homes','Properties','Estates','Partners','Group','Brokers'])[1 + (g / 10) % 7] || ' ' || g,
      'b' || g || '.example',
      case when g % 9 = 0 then null else 'bench-csm-' || (g % 8) end,
      'submitted', now() - (g % 365) * interval '1 day', now() - (g % 365) * interval '1 day' - interval '30 days'
    from generate_series(1, ${SEED.brokerages}) g`;

  // The latest attempt's status cycles through the review states: 3 approved, 2 verified, 3 failed, 1 inconclusive, 1 verifying.
  await sql`
    insert into submission_attempts (id, brokerage_id, number, idempotency_key, tenant_id, client_id, test_mailbox,
      secret_expires_on, send_test_message, submitter_name, submitter_email, secret_ciphertext, secret_key_id, secret_hint,
      secret_destroyed_at, status, created_at)
    select gen_random_uuid(), b.id, n, md5(b.id::text || n), gen_random_uuid()::text, gen_random_uuid()::text,
      'sync@' || b.email_domain, current_date + ((b.seq * 7 + n) % 400)::int, true, 'Admin ' || b.seq, 'admin@' || b.email_domain,
      case when n = ${SEED.attemptsPerBrokerage} then decode(md5(random()::text) || md5(random()::text), 'hex') end,
      case when n = ${SEED.attemptsPerBrokerage} then 'bench' end,
      'Q8x',
      case when n < ${SEED.attemptsPerBrokerage} then b.created_at + n * interval '1 day' + interval '1 hour' end,
      (case when n < ${SEED.attemptsPerBrokerage} then 'superseded'
        else (array['approved','approved','approved','verified','verified','failed','failed','failed','inconclusive','verifying'])[1 + b.seq % 10]
      end)::attempt_status,
      b.created_at + n * interval '1 day' + (b.seq % 3600) * interval '1 second'
    from (select id, email_domain, created_at, row_number() over (order by created_at, id) as seq from brokerages) b
    cross join generate_series(1, ${SEED.attemptsPerBrokerage}) n`;

  await sql`
    insert into verification_runs (id, attempt_id, trigger, outcome, started_at, finished_at, duration_ms)
    select gen_random_uuid(), a.id, 'submit',
      (case a.status when 'approved' then 'verified' when 'verified' then 'verified' when 'inconclusive' then 'inconclusive'
        when 'verifying' then 'running' else 'failed' end)::run_outcome,
      a.created_at + interval '2 seconds',
      case when a.status <> 'verifying' then a.created_at + interval '6 seconds' end,
      case when a.status <> 'verifying' then 4000 end
    from submission_attempts a`;

  // Failed runs fail one check (token, permissions or calendar.read) and skip what depends on it.
  await sql`
    insert into check_results (run_id, check_id, status, reason, title, detail, guide_anchor, microsoft_code, microsoft_request_id, duration_ms, updated_at)
    select r.id, c.id,
      (case
        when r.outcome = 'running' then 'pending'
        when r.outcome = 'verified' then 'pass'
        when r.outcome = 'inconclusive' then case when c.id = 'calendar.read' then 'error' when c.id = 'calendar.write' then 'skipped' else 'pass' end
        when c.id = r.failing then 'fail'
        when r.failing = 'token' and c.ord > 3 and c.id <> 'secret.expiry' and c.id <> 'tenant' then 'skipped'
        when r.failing = 'permissions' and c.ord > 4 and c.id <> 'secret.expiry' then 'skipped'
        when r.failing = 'calendar.read' and c.id = 'calendar.write' then 'skipped'
        else 'pass' end)::check_status,
      case
        when r.outcome = 'failed' and c.id = r.failing then (case r.failing when 'token' then 'secret-invalid' when 'permissions' then 'consent-missing' else 'mailbox-not-enabled' end)
        when r.outcome = 'inconclusive' and c.id = 'calendar.read' then 'microsoft-unavailable'
      end,
      c.id || ' result', 'What happened in plain words.', 'grant-admin-consent',
      case when r.outcome = 'failed' and c.id = r.failing then 'AADSTS7000215' end,
      case when r.outcome = 'failed' and c.id = r.failing then gen_random_uuid()::text end,
      120, r.started_at
    from (select id, outcome, started_at, (array['token','permissions','calendar.read'])[1 + abs(hashtext(id::text)) % 3] as failing from verification_runs) r
    cross join unnest(${sql.array(CHECKS)}::text[]) with ordinality as c(id, ord)`;

  await sql`
    insert into credential_approvals (brokerage_id, attempt_id, run_id, approved_by, approved_at, regressed_at)
    select a.brokerage_id, a.id, r.id, 'bench-csm-1', r.finished_at + interval '1 hour',
      case when abs(hashtext(a.id::text)) % 100 = 0 then now() - interval '1 day' end
    from submission_attempts a join verification_runs r on r.attempt_id = a.id
    where a.status = 'approved'`;

  await sql`
    update brokerages b set stage = (case a.status when 'approved' then 'approved' when 'verified' then 'verified'
      when 'failed' then 'failed' else 'submitted' end)::brokerage_stage
    from submission_attempts a where a.brokerage_id = b.id and a.number = ${SEED.attemptsPerBrokerage}`;

  await sql`
    insert into change_requests (attempt_id, brokerage_id, requested_by, check_ids, message, created_at)
    select a.id, a.brokerage_id, 'bench-csm-2', array['permissions'], 'Grant admin consent as a Global Administrator.', a.created_at + interval '1 day'
    from submission_attempts a where a.status = 'failed' and abs(hashtext(a.id::text)) % 5 = 0`;

  await sql`
    insert into notes (brokerage_id, author_id, body, created_at)
    select id, 'bench-csm-1', 'Spoke with the administrator about the test mailbox.', created_at + interval '3 days'
    from brokerages where abs(hashtext(id::text)) % 4 = 0`;

  await sql`
    insert into audit_events (at, actor_type, actor_id, action, subject_type, subject_id, brokerage_id, detail)
    select a.created_at, 'brokerage', a.brokerage_id::text, 'attempt.submitted', 'attempt', a.id::text, a.brokerage_id, jsonb_build_object('number', a.number)
    from submission_attempts a`;

  await sql`vacuum analyze`;
  const [counts] = await sql<{ brokerages: number; attempts: number; checks: number }[]>`
    select (select count(*)::int from brokerages) as brokerages, (select count(*)::int from submission_attempts) as attempts,
      (select count(*)::int from check_results) as checks`;
  return counts!;
}
