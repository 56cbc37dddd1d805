-- Schema 4: a project indicator says which way is good. 正向 (positive, higher is better) is met
-- at actual ≥ target; 反向 (reverse, lower is better: 单位成本, 办结时限, 投诉率) at actual ≤ target.
-- Every indicator written before this version was judged as 正向, so existing rows keep that.
ALTER TABLE project_indicator
  ADD COLUMN direction TEXT NOT NULL DEFAULT 'positive' CHECK (direction IN ('positive', 'reverse'));
