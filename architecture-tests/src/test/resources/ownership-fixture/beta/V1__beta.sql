-- Fixture, violates rule 7 on purpose: beta's migration joins alpha's table.
CREATE VIEW beta_things AS SELECT * FROM "alpha".things JOIN beta.others USING (id);
