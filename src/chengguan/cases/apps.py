from django.apps import AppConfig

#: Only the test suite sets this, to empty its database between transactional tests (see migration 0002).
ALLOW_TEST_PURGE = {"value": False}


def _register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("chengguan_allow_purge", 0, lambda: 1 if ALLOW_TEST_PURGE["value"] else 0,
                                              deterministic=False)


class CasesConfig(AppConfig):
    name = "chengguan.cases"
    label = "cases"
    verbose_name = "办案（简易程序、普通程序、移送、全过程记录）"

    def ready(self):
        from django.db.backends.signals import connection_created

        connection_created.connect(_register_sqlite_functions)
