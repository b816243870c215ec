"""Paragraphs that several letters share, as data."""

from gongkai.letters.model import Para, Style

RECEIVED = "本机关于{received_on}收到{you}提交的政府信息公开申请，申请获取“{information}”。"
OPENING = Para(RECEIVED)
ANSWER_FOLLOWS = Para(RECEIVED + "现答复如下：")
# 条例第五十一条. 60日: 行政复议法; 6个月: 行政诉讼法 (both from when the applicant learns of it).
REMEDIES = Para(
    "{you}如对本答复不服，依照{第五十一条}的规定，可以自收到本答复书之日起60日内"
    "{review_route}，或者自收到本答复书之日起6个月内{litigation_route}。"
)
NOTIFIED = Para("特此告知。")
CONTACT = Para("{item}", each="contact_lines", style=Style.PLAIN)
ATTACHMENTS = Para("附件{n}：{item}", each="attachments", style=Style.PLAIN)

DECISION_CLOSING = (REMEDIES, NOTIFIED, ATTACHMENTS, CONTACT)
