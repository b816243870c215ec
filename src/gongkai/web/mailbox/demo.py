"""Demo questions to the demo county's mailboxes: answered and published, answered but kept
private (no consent), answered late, open (one overdue), and one turned into a disclosure
application. Dates are counted back from today; each question is keyed by a submission
token, so loading twice changes nothing."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from gongkai.web.agencies.models import Agency, User
from gongkai.web.mailbox import conversion, workflow
from gongkai.web.mailbox.models import Question

ANSWER, CONVERT = "answer", "convert"


@dataclass(frozen=True)
class DemoQuestion:
    token: str
    agency: str  # short name
    days_ago: int
    subject: str
    title: str
    text: str
    asker: tuple[str, str, str]  # name, phone, e-mail
    consent: bool
    step: tuple[str, str, int, str] | None = None  # (answer|convert, username, days ago, text)


QUESTIONS = [
    DemoQuestion("demo-mailbox-1", "县财政局", 20, "policy", "耕地地力保护补贴什么时候发放",
                 "我是东岭乡东岭村村民，想咨询2026年耕地地力保护补贴什么时候发放到“一卡通”？"
                 "我的电话是13907950101，麻烦告知。", ("陈秀英", "13907950101", ""), True,
                 (ANSWER, "zhangwei", 14, "您好！2026年耕地地力保护补贴已于本月下旬通过"
                  "“惠民惠农财政补贴资金一卡通”发放，请留意银行短信。如未到账，可持本人"
                  "身份证到乡财政所查询。感谢您的关注！")),
    DemoQuestion("demo-mailbox-2", "县财政局", 32, "social_security", "城乡居民医保个人缴费标准",
                 "请问2027年度城乡居民基本医疗保险个人缴费标准是多少？家里老人能否享受资助？",
                 ("刘桂兰", "13807956622", "liuguilan@example.cn"), True,
                 (ANSWER, "zhangwei", 26, "您好！2027年度城乡居民医保个人缴费标准为每人每年"
                  "400元。特困人员、低保对象等由财政按规定给予全额或定额资助，具体可向户籍"
                  "所在地乡镇（街道）医保经办窗口咨询。")),
    DemoQuestion("demo-mailbox-3", "县自然资源局", 25, "construction", "农村宅基地审批需要哪些材料",
                 "本人是青山镇居民，想在老宅原址翻建住房，请问宅基地审批需要准备哪些材料，"
                 "到哪里办理？", ("黄志强", "0795-7233456", ""), True,
                 (ANSWER, "zhaolei", 18, "您好！原址翻建需提交农村宅基地和建房（规划许可）"
                  "申请表、户口簿复印件、原宅基地权属证明等材料，向所在乡镇人民政府提出"
                  "申请，由乡镇联审后办理。详见县政府门户网站“办事指南”栏目。")),
    DemoQuestion("demo-mailbox-4", "青山镇", 18, "complaint", "解放街路灯长期不亮",
                 "解放街中段（农贸市场至镇中学）路灯已坏了一个多月，晚上学生放学很不安全，"
                 "希望尽快维修。联系人：吴先生，电话 139 0795 0188。",
                 ("吴国平", "13907950188", ""), True,
                 (ANSWER, "sunli", 12, "您好！接到留言后，镇村建办已安排人员现场查看，"
                  "因线路老化导致故障，现已完成维修，路灯恢复正常。感谢您的监督！")),
    DemoQuestion("demo-mailbox-5", "县政府", 15, "economy", "创业担保贷款的申请条件",
                 "我准备在县城开一家农产品网店，请问能否申请创业担保贷款？额度和贴息政策"
                 "是怎样的？", ("邓晓燕", "15279501234", "dengxy@example.cn"), True,
                 (ANSWER, "admin", 9, "您好！符合条件的个人创业者可申请最高30万元的创业"
                  "担保贷款，按规定享受财政贴息。请携带营业执照、身份证等材料到县就业创业"
                  "服务中心申请。")),
    DemoQuestion("demo-mailbox-6", "县自然资源局", 40, "environment", "东岭村山塘整治进度",
                 "东岭村后山山塘整治工程去年开工，现在停工了，想了解后续安排。我家承包的"
                 "鱼塘就在旁边，身份证号360999196803150037。", ("罗建华", "13979501177", ""),
                 False,
                 (ANSWER, "zhaolei", 30, "您好！该工程因汛期暂停施工，预计下月复工，年底前"
                  "完工。涉及您承包鱼塘的补偿事宜，请与东岭乡人民政府联系。")),
    DemoQuestion("demo-mailbox-7", "县财政局", 21, "policy", "家电以旧换新补贴如何申领",
                 "在县城家电卖场买了冰箱，听说可以申领以旧换新补贴，请问怎么申请？",
                 ("钟丽华", "18179503456", ""), True),
    DemoQuestion("demo-mailbox-8", "县财政局", 2, "education_health", "农村学生营养餐补助标准",
                 "孩子在东岭乡中心小学读书，请问营养改善计划的补助标准是多少？",
                 ("彭海燕", "13607958899", ""), True),
    DemoQuestion("demo-mailbox-9", "东岭乡", 5, "construction", "东岭村村道硬化什么时候施工",
                 "东岭村到乡政府的村道坑洼不平，雨天难走，请问是否列入今年的硬化计划？",
                 ("曾凡明", "13870951234", ""), True),
    DemoQuestion("demo-mailbox-10", "县财政局", 9, "disclosure", "申请公开2026年县本级预算调整方案",
                 "请提供2026年县本级一般公共预算调整方案及县人大常委会的批准决议全文，"
                 "我需要用于课题研究。", ("杨文博", "13507952468", "yangwb@example.cn"), False,
                 (CONVERT, "zhangwei", 7, "留言人要求获取具体文件，按依申请公开办理。")),
    DemoQuestion("demo-mailbox-11", "县发改委", 8, "economy", "光伏发电项目备案流程",
                 "我家屋顶想装分布式光伏，请问需要到发改委备案吗？", ("苏志远", "13970956789", ""),
                 True),
    DemoQuestion("demo-mailbox-12", "县财政局", 45, "social_security", "高龄津贴发放标准",
                 "我父亲今年满80周岁，请问高龄津贴的标准和申领方式？",
                 ("胡美玲", "13979507788", "humeiling@example.cn"), True,
                 (ANSWER, "zhangwei", 26, "您好！80—89周岁老年人高龄津贴为每人每月50元，"
                  "由本人或家属持身份证、户口簿到户籍所在地村（居）委会申请，乡镇审核后"
                  "按月发放。")),
]  # fmt: skip


def load_demo_questions() -> int:
    """Create the demo questions that are missing; returns how many exist."""
    today = timezone.localdate()
    for spec in QUESTIONS:
        if Question.objects.filter(submission_token=spec.token).exists():
            continue
        name, phone, email = spec.asker
        fields = {"subject": spec.subject, "title": spec.title, "text": spec.text, "name": name,
                  "phone": phone, "email": email, "consent_to_publish": spec.consent}  # fmt: skip
        agency = Agency.objects.get(short_name=spec.agency)
        question = workflow.ask(agency, fields, token=spec.token,
                                received_on=today - timedelta(spec.days_ago))  # fmt: skip
        if spec.step:
            take_step(question, spec, today)
    return Question.objects.filter(submission_token__startswith="demo-mailbox-").count()


def take_step(question: Question, spec: DemoQuestion, today) -> None:
    action, username, days_ago, text = spec.step
    actor = User.objects.get(username=username)
    if action == ANSWER:
        workflow.answer(question, actor, text, publish=spec.consent,
                        on=today - timedelta(days_ago))  # fmt: skip
    else:
        conversion.convert(question, actor, "email", "email", text)
