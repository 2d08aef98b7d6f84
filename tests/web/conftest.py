import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def xiaowang(db, django_user_model):
    """执法队员 小王."""
    u = django_user_model.objects.create_user("xiaowang", password="xiaowang-pass-1", first_name="小", last_name="王")
    g, _ = Group.objects.get_or_create(name="执法队员")
    u.groups.add(g)
    return u


@pytest.fixture
def officer_client(client, xiaowang):
    client.force_login(xiaowang)
    return client
