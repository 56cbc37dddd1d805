-- Schema 8: how the department names itself in its own report (我局, 我中心, 我办 …). Empty means
-- "derive from the department name" (shared/domain/self-reference.ts). The value a user typed on the
-- 报告 page used to be an app setting; it moves here so every generated sentence and export reads it.
ALTER TABLE department ADD COLUMN self_name TEXT NOT NULL DEFAULT '';
UPDATE department
   SET self_name = coalesce((SELECT trim(json_extract(value_json, '$')) FROM app_setting
                              WHERE key = 'report.selfName' AND json_type(value_json) = 'text'), '');
DELETE FROM app_setting WHERE key = 'report.selfName';
