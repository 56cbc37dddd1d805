-- Schema 4: a project indicator says which way is good, in the codes task_measure.direction uses.
-- 正向 ('higher') is met at actual ≥ target; 反向 ('lower': 单位成本, 办结时限, 投诉率) at
-- actual ≤ target. Every indicator written before this version was judged as 正向, so existing rows keep that.
ALTER TABLE project_indicator
  ADD COLUMN direction TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower'));
