"""What a question to the 政民互动 mailbox is about: the subjects the public picks from and
the yearly counts are grouped by. Keys are stored; the labels are what people read."""

SUBJECTS: dict[str, str] = {
    "policy": "政策咨询",
    "disclosure": "政府信息公开",
    "construction": "城乡建设",
    "social_security": "社会保障",
    "education_health": "教育卫生",
    "economy": "经济发展",
    "environment": "生态环境",
    "complaint": "投诉建议",
    "other": "其他",
}
CHOICES = list(SUBJECTS.items())
