-- Schema 11: whether the report prints the people's names on the signature lines. Off by default:
-- the lines stay blank for the 单位负责人, 财务负责人 and 填报人 to sign by hand. One setting per year,
-- kept with the rest of that year's signature block.
ALTER TABLE signature_block ADD COLUMN print_names INTEGER NOT NULL DEFAULT 0 CHECK (print_names IN (0, 1));
