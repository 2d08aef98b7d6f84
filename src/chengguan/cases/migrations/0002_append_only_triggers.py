"""Database triggers: the audit log and evidence rows can be neither changed nor deleted, whatever the
interface (ORM bulk operations, raw SQL through the app's connection, admin)."""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER IF NOT EXISTS cases_auditentry_no_update BEFORE UPDATE ON cases_auditentry
       BEGIN SELECT RAISE(ABORT, '全过程记录只能追加，不能修改'); END""",
    # chengguan_allow_purge() is registered on every connection by the cases app and returns 0; only the
    # test suite turns it on, to empty its database between transactional tests (tests/cases/conftest.py).
    """CREATE TRIGGER IF NOT EXISTS cases_auditentry_no_delete BEFORE DELETE ON cases_auditentry
       WHEN chengguan_allow_purge() = 0
       BEGIN SELECT RAISE(ABORT, '全过程记录只能追加，不能删除'); END""",
    """CREATE TRIGGER IF NOT EXISTS cases_evidence_no_update BEFORE UPDATE ON cases_evidence
       BEGIN SELECT RAISE(ABORT, '证据一经登记不得修改'); END""",
    """CREATE TRIGGER IF NOT EXISTS cases_evidence_no_delete BEFORE DELETE ON cases_evidence
       WHEN chengguan_allow_purge() = 0
       BEGIN SELECT RAISE(ABORT, '证据一经登记不得删除'); END""",
]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION chengguan_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION USING MESSAGE = TG_TABLE_NAME || ' 只能追加，不能修改或删除'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER cases_auditentry_append_only BEFORE UPDATE OR DELETE ON cases_auditentry
       FOR EACH ROW EXECUTE FUNCTION chengguan_append_only()""",
    """CREATE TRIGGER cases_evidence_append_only BEFORE UPDATE OR DELETE ON cases_evidence
       FOR EACH ROW EXECUTE FUNCTION chengguan_append_only()""",
]


def forwards(apps, schema_editor):
    stmts = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for s in stmts:
        schema_editor.execute(s)


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
