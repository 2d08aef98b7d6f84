from django.apps import AppConfig


class AssistantConfig(AppConfig):
    name = "chengguan.assistant"
    label = "assistant"
    verbose_name = "执法助手（法规库、违法情形、智能匹配）"
