/**
 * DuckDB SQL equivalent to FunnelGrid's funnel metrics (DESIGN.md "Funnel metrics") over two
 * tables loaded before timing:
 *   recs(id VARCHAR, stage VARCHAR, amount DOUBLE, created_at DOUBLE)
 *   evs(seq BIGINT, record_id VARCHAR, to_stage VARCHAR, t DOUBLE)
 *   stages(id VARCHAR, kind VARCHAR, ord INTEGER)  -- ord: 0-based among open stages, NULL otherwise
 * Visits: a record's events in (at, seq) order, an event repeating the previous stage is not a
 * new visit; a visit ends when the next one starts; the last one is open. Records without
 * events in an open stage get one open visit since creation (none occur in the bench data).
 */

/** Per-record depth (any-order funnel): won = n + 1, lost = max(highest + 1, 1), open = max(highest, current) + 1. */
const DEPTH = `
WITH n AS (SELECT count(*) AS n FROM stages WHERE kind = 'open'),
hi AS (
  SELECT e.record_id, max(s.ord) AS max_ord
  FROM evs e JOIN stages s ON s.id = e.to_stage
  WHERE s.kind = 'open'
  GROUP BY e.record_id
),
depth AS (
  SELECT r.id, r.amount,
    CASE s.kind
      WHEN 'won' THEN (SELECT n FROM n) + 1
      WHEN 'lost' THEN greatest(coalesce(hi.max_ord, -1) + 1, 1)
      ELSE greatest(coalesce(hi.max_ord, -1), s.ord) + 1
    END AS d
  FROM recs r JOIN stages s ON s.id = r.stage
  LEFT JOIN hi ON hi.record_id = r.id
)`

/** reached(k) and its amount for k = 1..n + 1, plus step conversion reached(k + 1) / reached(k). */
export const FUNNEL_SQL = `${DEPTH},
steps AS (
  SELECT k.k,
    (SELECT count(*) FROM depth WHERE d >= k.k) AS reached,
    (SELECT coalesce(sum(amount), 0) FROM depth WHERE d >= k.k) AS amount
  FROM range(1, (SELECT n FROM n) + 2) AS k(k)
)
SELECT k, reached, amount,
  CASE WHEN lag(reached) OVER (ORDER BY k) = 0 THEN NULL
       ELSE reached / lag(reached) OVER (ORDER BY k) END AS conversion
FROM steps ORDER BY k`

/** Per open stage: completed visits, latest and cumulative per record, open ages (mean, median, p90 nearest rank). */
export const TIME_IN_STAGE_SQL = `
WITH ordered AS (
  SELECT record_id, to_stage, t, seq,
    lag(to_stage) OVER (PARTITION BY record_id ORDER BY t, seq) AS prev
  FROM evs
),
visits AS (
  SELECT record_id, to_stage AS stage, t AS enter,
    lead(t) OVER (PARTITION BY record_id ORDER BY t, seq) AS exit,
    row_number() OVER (PARTITION BY record_id ORDER BY t, seq) AS vn
  FROM ordered
  WHERE prev IS NULL OR prev <> to_stage
),
open_visits AS (
  SELECT v.record_id, s.ord, v.enter, v.exit, v.vn FROM visits v JOIN stages s ON s.id = v.stage WHERE s.kind = 'open'
),
done AS (SELECT ord, exit - enter AS x FROM open_visits WHERE exit IS NOT NULL),
per_rec AS (
  SELECT ord, arg_max(exit - enter, vn) AS latest, sum(exit - enter) AS total
  FROM open_visits WHERE exit IS NOT NULL GROUP BY record_id, ord
),
ages AS (SELECT ord, $now - enter AS x FROM open_visits WHERE exit IS NULL),
dist AS (
  SELECT 'completed' AS what, ord, list(x) AS xs FROM done GROUP BY ord
  UNION ALL SELECT 'latest', ord, list(latest) FROM per_rec GROUP BY ord
  UNION ALL SELECT 'cumulative', ord, list(total) FROM per_rec GROUP BY ord
  UNION ALL SELECT 'open', ord, list(x) FROM ages GROUP BY ord
)
SELECT what, ord, len(xs) AS count, list_avg(xs) AS mean,
  list_aggregate(xs, 'median') AS median,
  list_sort(xs)[CAST(ceil(0.9 * len(xs)) AS BIGINT)] AS p90
FROM dist ORDER BY what, ord`
