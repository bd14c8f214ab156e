/**
 * DuckDB SQL equivalent to FunnelGrid's as-of pipeline and pipeline waterfall (core/metrics
 * as-of.ts, waterfall.ts) over the tables of ops/metrics.ts loadDuckDb:
 *   recs(id, stage, amount, created_at), evs(seq, record_id, from_stage, to_stage, t), stages(id, kind, ord)
 * Visits as the stage summary builds them: a record's events in (t, seq) order, an event
 * repeating the previous stage is not a new visit; when the first event has a `from` stage the
 * record was in it since min(created, first event); a record without events in an open stage
 * was in it since its creation. A record's stage at T is its last visit entered at or before T;
 * a won / lost record without events is in its stage from its creation. Written as group-bys
 * and joins (no correlated subqueries), each record's visits aggregated once.
 * Amounts as they were come from chg(record_id, t, from_amount), the amount field's change log:
 * a record's amount at T is the `from` of its first change after T, else its current amount.
 * `$at`, `$from`, `$to` are replaced by epoch-ms numbers.
 */

const VISITS = `
WITH first_ev AS (
  SELECT record_id, t, from_stage FROM evs
  QUALIFY row_number() OVER (PARTITION BY record_id ORDER BY t, seq) = 1
),
steps AS (
  SELECT e.record_id, e.to_stage AS stage, e.t, row_number() OVER (PARTITION BY e.record_id ORDER BY e.t, e.seq) AS rn
  FROM evs e SEMI JOIN stages s ON s.id = e.to_stage
  UNION ALL
  SELECT f.record_id, f.from_stage, least(r.created_at, f.t), 0
  FROM first_ev f JOIN recs r ON r.id = f.record_id SEMI JOIN stages s ON s.id = f.from_stage
  UNION ALL
  SELECT r.id, r.stage, r.created_at, 0
  FROM recs r JOIN stages s ON s.id = r.stage ANTI JOIN first_ev f ON f.record_id = r.id
  WHERE s.kind = 'open'
),
visits AS (
  SELECT v.record_id, v.stage, v.t AS enter, v.rn, s.kind
  FROM (SELECT *, lag(stage) OVER (PARTITION BY record_id ORDER BY rn) AS prev FROM steps) v
  JOIN stages s ON s.id = v.stage
  WHERE v.prev IS NULL OR v.prev <> v.stage
),
rec AS (
  SELECT r.id, r.stage, r.amount, r.created_at, f.record_id IS NOT NULL AS has_events, f.t AS first_t, f.from_stage AS first_from
  FROM recs r LEFT JOIN first_ev f ON f.record_id = r.id
)`

/** Per record, its first amount change after each of `times` (`tag` names the columns t_<tag> and a_<tag>). */
const changesAfter = (times: [tag: string, time: string][]) => `chg_at AS (
  SELECT record_id, ${times.map(([tag, time]) => `min(t) FILTER (WHERE t > ${time}) AS t_${tag}, arg_min(from_amount, t) FILTER (WHERE t > ${time}) AS a_${tag}`).join(', ')}
  FROM chg GROUP BY record_id
)`

/** A record's amount as it was: the `from` of its first change after then, else its current amount. */
const amountAt = (tag: string) => `CASE WHEN c.t_${tag} IS NOT NULL THEN c.a_${tag} ELSE r.amount END`

/** A record's stage at a time: its last visit entered by then, or without events its stage once created. */
const stageAt = (visited: string, time: string) =>
  `CASE WHEN v.record_id IS NOT NULL THEN ${visited} WHEN r.created_at <= ${time} THEN r.stage END`

/** Funnel entry: the first event (its time, or min(created, it) when it has a `from`); creation time without visits. */
const ENTRY = `CASE WHEN v.record_id IS NULL OR NOT r.has_events THEN r.created_at
  WHEN r.first_from IS NULL THEN r.first_t ELSE least(r.created_at, r.first_t) END`

/** The open pipeline at `$at` per open stage: count and amount as it was (missing amounts skipped). */
export const AS_OF_SQL = `${VISITS},
per_rec AS (
  SELECT record_id, arg_max(stage, rn) FILTER (WHERE enter <= $at) AS stage_at FROM visits GROUP BY record_id
),
${changesAfter([['at', '$at']])},
at_t AS (
  SELECT r.id, ${amountAt('at')} AS amount, ${stageAt('v.stage_at', '$at')} AS stage
  FROM rec r LEFT JOIN per_rec v ON v.record_id = r.id LEFT JOIN chg_at c ON c.record_id = r.id
)
SELECT s.ord, count(*) AS count, coalesce(sum(a.amount), 0) AS amount
FROM at_t a JOIN stages s ON s.id = a.stage
WHERE s.kind = 'open'
GROUP BY s.ord ORDER BY s.ord`

/** Count and signed amount of each waterfall bar from `$from` to `$to`, amounts at either end from the change log (a missing one counts 0). */
export const WATERFALL_SQL = `${VISITS},
per_rec AS (
  SELECT record_id,
    arg_max(stage, rn) FILTER (WHERE enter <= $from) AS stage_from,
    arg_max(stage, rn) FILTER (WHERE enter <= $to) AS stage_to,
    bool_or(kind = 'open' AND enter >= $from AND enter < $to) AS entered_open
  FROM visits GROUP BY record_id
),
${changesAfter([['from', '$from'], ['to', '$to']])},
flags AS (
  SELECT coalesce(${amountAt('to')}, 0) AS amt, coalesce(${amountAt('from')}, 0) AS amt0, ${ENTRY} AS entry_at,
    coalesce(s0.kind = 'open', false) AS was_in,
    coalesce(s1.kind = 'open', false) AS end_in,
    s1.kind AS end_kind,
    coalesce(v.entered_open, false) AS entered_open
  FROM rec r LEFT JOIN per_rec v ON v.record_id = r.id LEFT JOIN chg_at c ON c.record_id = r.id
  LEFT JOIN stages s0 ON s0.id = ${stageAt('v.stage_from', '$from')}
  LEFT JOIN stages s1 ON s1.id = ${stageAt('v.stage_to', '$to')}
),
parts AS (SELECT *, NOT was_in AND (end_in OR entered_open) AS came FROM flags),
bars AS (
  SELECT 'start' AS bar, amt0 AS amount FROM parts WHERE was_in
  UNION ALL SELECT 'amountChange', amt - amt0 FROM parts WHERE was_in AND amt <> amt0
  UNION ALL SELECT CASE WHEN entry_at >= $from AND entry_at < $to THEN 'created' ELSE 'pulledIn' END, amt FROM parts WHERE came
  UNION ALL SELECT CASE end_kind WHEN 'won' THEN 'won' WHEN 'lost' THEN 'lost' ELSE 'pushedOut' END, -amt FROM parts WHERE (was_in OR came) AND NOT end_in
  UNION ALL SELECT 'end', amt FROM parts WHERE end_in
)
SELECT bar, count(*) AS count, sum(amount) AS amount FROM bars GROUP BY bar`
