-- Schema 6: the 项目支出绩效自评表 (财预〔2020〕10号) for every project.
--
-- 1. A project indicator carries what the table prints and scores beyond target and actual:
--    its 二级指标 (数量/质量/时效/成本…), whether it is 定量 or 定性, its 分值 (NULL = an even share of
--    its 一级 weight), the grade of a 定性 indicator, the 年度指标值 of a 定性 indicator as words,
--    and the 偏差原因分析及改进措施. Existing indicators were all numeric, so 'quantitative' is right
--    for every row written before this version.
ALTER TABLE project_indicator ADD COLUMN level2 TEXT NOT NULL DEFAULT '';
ALTER TABLE project_indicator
  ADD COLUMN nature TEXT NOT NULL DEFAULT 'quantitative' CHECK (nature IN ('quantitative', 'qualitative'));
ALTER TABLE project_indicator ADD COLUMN weight_centi INTEGER CHECK (weight_centi IS NULL OR weight_centi >= 0);
ALTER TABLE project_indicator
  ADD COLUMN grade TEXT CHECK (grade IS NULL OR grade IN ('achieved', 'partial', 'not_achieved'));
ALTER TABLE project_indicator ADD COLUMN target_text TEXT NOT NULL DEFAULT '';
ALTER TABLE project_indicator ADD COLUMN deviation_reason TEXT NOT NULL DEFAULT '';

-- 2. Per project: 年度总体目标 (预期目标 / 实际完成情况) and the 一级 weights when they differ from
--    the rules' defaults (NULL = default: 产出 50, 效益 30, 满意度 10).
CREATE TABLE project_eval (
  project_id INTEGER PRIMARY KEY REFERENCES project(id) ON DELETE CASCADE,
  goal TEXT NOT NULL DEFAULT '',
  achievement TEXT NOT NULL DEFAULT '',
  output_weight_centi INTEGER CHECK (output_weight_centi IS NULL OR output_weight_centi >= 0),
  outcome_weight_centi INTEGER CHECK (outcome_weight_centi IS NULL OR outcome_weight_centi >= 0),
  satisfaction_weight_centi INTEGER CHECK (satisfaction_weight_centi IS NULL OR satisfaction_weight_centi >= 0)
) STRICT;

-- 3. Per year: the scoring rules (grade thresholds, 定性 percentages, the low-spending threshold…)
--    when the year departs from resources/frameworks/project-eval.json; validated at the API boundary.
CREATE TABLE project_eval_rules (
  year_id INTEGER PRIMARY KEY REFERENCES fiscal_year(id) ON DELETE CASCADE,
  rules_json TEXT NOT NULL CHECK (json_valid(rules_json))
) STRICT;
