"""What real prose-only reports say, as data: the words of each topic, the negations that
state a zero, and the quantities that are not ours.

Built from pre-2019 county, town and department reports of many provinces and years (乡, 镇,
街道, 局, 委, 办, 中心; 2009–2018), simplified and traditional alike (the text is folded to
simplified first). Every pattern is matched on `normalize.squeeze` text (no spaces, half-width
digits). narrative.py is the engine that applies them clause by clause.
"""

import re

# A figure with the unit a count of ours is printed in; `第15条` (an article) is not a figure.
# Figures in words (两件, 十二条) only with units that count documents: 五个部分 is no figure.
NUMERAL = r"\d{1,15}|[零〇一二两三四五六七八九十]{1,3}(?=[件条起宗份篇])"
# The figure comes first in the pattern (a pattern that starts with an optional word is tried
# at every character and costs ten times as much); APPROXIMATE_BEFORE is checked after.
FIGURE = re.compile(
    rf"(?<![\d.第%每逐任])(?P<n>{NUMERAL})(?!\.\d|\d)"
    r"(?P<more>余|多)?(?P<unit>万元|元|件|条|宗|起|个|份|篇|项|次|场|期|例)(?P<after>左右|以上)?"
    r"(?!百分点|部分(?!公开)|方面|大类)"  # 五个部分 is no figure; 1件部分公开 is one
)
APPROXIMATE_BEFORE = re.compile(r"(?:约|近|逾|超过)$")
# `收费为0`, `均为0`: a zero stated without a unit.
BARE_ZERO = re.compile(r"(?:为|是|计)(?P<n>0|零)(?![\d.件条个份起宗次项篇元%])")

# Clauses end at these; `、` joins the topics of one clause (行政复议、行政诉讼).
CLAUSE_END = re.compile(r"[,，;；:：。!！?？\n]")
SENTENCE_END = re.compile(r"[;；。!！?？\n]")

# A clause about another quantity: its figures are never ours, and it ends the topic that the
# sentence carried (咨询 2070 人次, 网审平台受理申请 4364 件, 粉丝, 浏览量, 建议提案).
OTHER_QUANTITY = re.compile(
    r"咨询|浏览|访问|点击|阅读[量数次]|粉丝|关注[量数人者用]|转发|分享|评论|留言|办件|审批|许可|"
    r"服务事项|网审|"
    r"人次|来电|来访|热线|信访|投诉|建议|提案|培训|会议|检查|督查|考核|栏目|链接|下载|"
    r"查阅|讲座|经费|支出|预算|决算|%"
)
# An agency whose name holds such a word (信访局, 行政审批局) is the subject, not the quantity.
AGENCY_NAMED = re.compile(
    r"(?:信访|审批|投诉|热线)(?:服务)?(?:管理)?(?:局|办公室|办|委员会|委|中心)"
)

NEGATION = r"(?:未(?!经)|没有|没收到|无|尚未|不存在)"  # 未经复议直接起诉 is no negation
# The only verbs that may stand between a negation and what it negates.
NEGATED_VERB = r"(?:收到|受理|接到|接收|接受|发生|出现|产生|涉及|有|因|针对|提起|办理|存在)"
# What may follow a negation that states a zero: a verb, a preposition or the topic itself
# (未收取, 未向申请人, 无依申请公开, 无行政复议); not the soup of a header split into
# characters (果果他未总).
NEGATION_FOLLOWS = (
    rf"(?={NEGATED_VERB}|收|向|对|依|申请|关于|任何|相关|进行|被|任|一例|一件|一起|行政|复议|诉讼|"
    r"政府信息|信息公开|"
    r"要求|人|群众|公民|"
    r".{1,2}?(?:复议|诉讼))"  # 没有政复议、行政诉讼案件: a label that lost its first character
)
# A fee stated as not charged (信息公开不收取费用, 不收取任何费用): the fees are 0.
NO_FEE = re.compile(r"不(?:收取|收)[^,，。;；]{0,6}?费")

# 申请 that is a disclosure request; not 复议申请, not 申请行政复议, not a licence application.
REQUEST_WORD = re.compile(
    r"(?:依申请公开|信息公开申请|公开申请|申请公开|政府信息申请|申请件|申请|要求公开)"
    r"(?![^,，]{0,6}?(?:复议|诉讼|提起))"
)
REQUEST_NOT = re.compile(r"(?:复议|诉讼|审批|许可|登记|注册|备案|网审)申请|申请人数")
# What a bare negation under a 行政复议、行政诉讼 heading negates (我镇2016年度无申请).
APPEAL_CASE = re.compile(r"^(?:[^,，]{0,12}?)(?:申请|案件|案|情况|发生)")
# Words between a negation and 申请 that make it negate something else (没有逾期答复的申请).
NOT_RECEIVING = re.compile(r"答复|办结|逾期|超期|不予|驳回|咨询|投诉|不公开")
RECEIVE = re.compile(r"收到|受理|接到|接收|接受|共收|办理|登记")
# A count of requests named by the noun alone, no verb (政府信息公开申请0次, 全年收政府信息公开
# 申请464件): the year's requests received; not one carried over from or into another year.
REQUEST_NOUN_END = re.compile(
    r"(?:信息公开申请|公开申请|申请公开)(?:数量?|总数)?(?:为|共计?|有|计)?$"
)
CARRIED_OVER = re.compile(r"结转|上年|剩余|转入|下年")
# A clause without a figure after the requests received: all of them were granted.
ALL_GRANTED = re.compile(
    r"^(?:均|都|全部)?(?:已|已经)(?:进行|予以|全部|依法)?公开$|^(?:均|全部)予以公开$"
)
REVIEW = re.compile(r"复议")
LITIGATION = re.compile(r"诉讼")
FEES = re.compile(r"收费|收取[^,，]{0,16}?费|费用")

# Proactive disclosure: the words of a total, and the channels of its 其中 parts.
PROACTIVE = re.compile(
    r"主动公开|公开各类|公开政府信息|公开信息|发布[^,，]{0,10}?信息|公开[^,，]{0,6}?信息"
)
# 主动在门户网站公开; 主动上传信息260条 (uploaded to the site: published)
PROACTIVE_STRONG = re.compile(r"主动公开|主动[^,，]{0,10}?公开|主动(?:上传|发布)")
# 发布政府信息60条 outside any heading: the noun says what is counted (a weak total); so does
# a total's word before the verb (总共公开信息28条, 共计发布信息46条 under a 指南/目录 heading).
PROACTIVE_NOUN = re.compile(
    r"(?:公开|发布)[^,，]{0,6}?政府信息|(?:公开|发布)各类[^,，]{0,4}?信息"
    r"|(?<!依申请)共计?(?:公开|发布)[^,，]{0,4}?信息"
)
# A count of one kind of document (共主动公开政策性文件90份) is no total of the information
# published: a weak total, which a count of 政府信息 outranks wherever it stands.
ONE_KIND = re.compile(r"(?:政策性|规范性|政策)文件$|公文$")
CHANNELS = (
    ("proactive.via_gazette", re.compile(r"公报")),
    ("proactive.via_weibo", re.compile(r"微博")),
    ("proactive.via_wechat", re.compile(r"微信|公众号")),
    ("proactive.via_website", re.compile(r"网站|门户网|信息公开网|政府网|网上|网页|政务外网")),
)
# A channel's figure counts documents (信息, 微文), not one kind of them (采购公告, 提问).
CHANNEL_COUNT = re.compile(
    r"(?:公开|发布|推送|更新|信息|微文|推文|文章|稿件|内容|条目|(?:工作|政务)动态)(?:数|量)?(?:共|共计|合计|为|达|有)?$"
    r"|(?:公开|发布|推送|更新)[^,，]{0,20}?等$"  # 公众号发布赛事报道、健身科普、活动预告等520条
)
# A clause that counts publications without naming who published them (信息发布1839条,
# 发布信息20条): its subject is the clause before's.
SUBJECTLESS_COUNT = re.compile(
    r"^(?:全年|本年度?|今年|年内)?(?:共|累计)?(?:信息)?(?:发布|公开|更新|推送)(?:各类)?(?:信息)?\d"
)
# The noun right after a figure (公开了21218条政府信息): what it counts, as if printed before.
NOUN_AFTER = re.compile(r"^(?:各类)?(?:政府|政务)?信息")
# An answer's outcome right after its figure (对其中3件予以公开，1件部分公开).
OUTCOME_AFTER = re.compile(r"^(?:予以公开|同意公开|全部公开|部分公开|不予公开)")
# An account's or a site's name in quotes (“奉新县政府网”微信公众号).
QUOTED_NAME = re.compile(r"“[^”]{0,24}”|\"[^\"]{0,24}\"")
# A channel's own publishing verb (网站发布信息8条, 公众号推送工作动态7条): its count is that
# channel's even where no 主动公开 heading stands over it.
CHANNEL_VERB = re.compile(r"公开|发布|推送|更新")
# A channel named bare in a list of a total's parts (其中…，微信6条，网站30条).
BARE_CHANNEL = re.compile(
    r"^[、和及]?(?:其中|具体为|分别为)?(?:通过)?(?:局|本局|我局|本单位)?(?:政务)?"
    r"(?:微信公众号|公众号|微信|微博|门户网站|政府网站|网站)"
    r"(?:发布|公开)?$"
)
# A channel counted together with unnamed others (通过微信及其他方式公开92条): no one channel's.
# 通过其他方式公开政府信息54条 beside the named channels: the figure of the other channels.
OTHER_WAY = re.compile(r"^[、和及]?(?:通过|以|在)?其他(?:方式|渠道|途径|平台)(?:公开|发布)")
# Ways besides the website that a sentence counts on (通过政务新媒体公开…2808条): a website's
# figure beside them is that channel's, not the total (none is printed).
OTHER_WAYS = re.compile(
    r"新媒体|微信|微博|公众号|客户端|抖音|头条|公开栏|公告栏|报刊|报纸|广播|电视|其他(?:方式|渠道|途径)"
)
WITH_OTHERS = re.compile(
    r"[及和与、]其他|其他(?:方式|渠道|途径|平台|媒体)|等(?:方式|渠道|途径|平台|媒体)"
)
# 主动公开55条，依申请公开3条，不予公开126条: the disclosure attribute of documents the agency
# made, not requests received (a bare 依申请公开 counted in 条 after a proactive figure).
ATTRIBUTE = re.compile(
    r"^[、和及]?(?:作为)?(?:依申请公开|不予公开)(?:的)?(?:政府)?(?:信息)?数?(?:为|有)?$"
)
# After a figure, the next item of a list of kinds (主动公开公文3份、工作目标信息1条): the figure
# is one kind's, not the total.
NEXT_KIND = re.compile(r"^、[^,，]{0,12}?(?:信息|类|文件|公文)$")
# Bracketed notes (不同渠道和方式公开相同信息计1条) are no figures of the report.
NOTE = re.compile(r"\([^()]*\)")
# Channels of their own: a figure there is never the total (the website carries most).
OWN_CHANNELS = frozenset(
    {"proactive.via_gazette", "proactive.via_weibo", "proactive.via_wechat", "proactive.via_other"}
)
CUMULATIVE = re.compile(r"累计|截至|截止|到目前|迄今|至今|以来")
# A count from the start of the report's own year (累计主动公开2014年以来的政府信息215条 in the 2014
# report, 2017年累计主动上传信息260条, 今年以来): that year's figure, not a running total.
YEAR_SPAN = r"(?:今年|本年度?|全年|{year}年度?)(?:以来|累计|共累计)"
CLAUSE_CUT = re.compile(r"(?<=[,，;；。])")
CATEGORY = re.compile(r"类|信息[^,，]{0,4}?$")

# Parts of requests.received by channel, and outcomes of the answers (generation A rows).
REQUEST_CHANNELS = (
    ("requests.received.in_person", re.compile(r"当面|现场|窗口")),
    ("requests.received.fax", re.compile(r"传真")),
    ("requests.received.online", re.compile(r"网络|网上|互联网|电子邮件|邮箱|在线")),
    ("requests.received.letter", re.compile(r"信函|邮寄|来信")),
)
ANSWERS = (
    ("requests.answered.not_exist", re.compile(r"不存在")),
    ("requests.answered.not_this_agency", re.compile(r"不属于本")),
    ("requests.answered.already_public", re.compile(r"已主动公开|已经主动公开|主动公开范围")),
    ("requests.answered.partial", re.compile(r"部分公开")),
    ("requests.answered.refused", re.compile(r"不予公开|不同意公开|不公开")),
    ("requests.answered.clarify", re.compile(r"更改补充|补正")),
    ("requests.answered.other_channel", re.compile(r"其他途径")),
    ("requests.answered.granted", re.compile(r"同意公开|予以公开|全部公开|已公开|公开答复")),
    ("requests.closed", re.compile(r"办结")),
    ("requests.answered", re.compile(r"答复|回复|处理")),
)

# Generation A's 回应解读 rows, stated in prose (回应公众关注热点或重大舆情数2次).
RESPONSES = (
    ("response.hotspots", re.compile(r"热点|舆情"), frozenset("次个件起")),
    ("response.press_conferences", re.compile(r"新闻发布会|发布会"), frozenset("次场期")),
    ("response.online_interviews", re.compile(r"在线访谈|访谈"), frozenset("次场期")),
    ("response.interpretations", re.compile(r"解读"), frozenset("篇条件份")),
)
# Generation A's staffing and reading-room rows, stated in prose (配备了2名兼职工作人员,
# 全职人员1人, 设立了1个政府信息查阅点): the figure group is `n`; 专兼职 is neither kind alone.
STAFF_N = r"(?P<n>\d{1,4}|[一二两三四五六七八九十]{1,3})"
STAFF_WORDS = (
    rf"[^,，;；:：\d]{{0,10}}?(?:人员|干部|信息员)数?(?:为|有|共)?{STAFF_N}(?:人|名)(?!次)"
)
PLACE_WORDS = r"[^,，;；:：\d]{0,10}?查阅(?:点|场所|室|中心)"
ORG_FIGURES = (
    ("org.staff_full_time", re.compile(rf"(?<!兼)(?:专职|全职){STAFF_WORDS}")),
    ("org.staff_full_time", re.compile(rf"(?<![\d.]){STAFF_N}名(?:专职|全职)")),
    ("org.staff_part_time", re.compile(rf"(?<!专)兼职{STAFF_WORDS}")),
    ("org.staff_part_time", re.compile(rf"(?<![\d.]){STAFF_N}名兼职")),
    # (其中全职2人，兼职4人): the kind right before the count
    ("org.staff_full_time", re.compile(rf"(?<!兼)(?:专职|全职){STAFF_N}(?:人|名)(?!次)")),
    ("org.staff_part_time", re.compile(rf"(?<!专)兼职{STAFF_N}(?:人|名)(?!次)")),
    ("org.reading_points", re.compile(rf"(?<![\d.]){STAFF_N}个{PLACE_WORDS}")),
    ("org.reading_points", re.compile(rf"查阅(?:点|场所|室)数?(?:为|有|共)?{STAFF_N}个")),
    # 召开政府信息与政务公开工作会议2次: generation A's meetings row, stated in prose
    (
        "meetings.meetings",
        re.compile(
            rf"召开[^,，;；]{{0,20}}?(?:信息公开|政务公开)[^,，;；]{{0,12}}?会议{STAFF_N}(?:次|场)"
        ),
    ),
)
# What a figure counts when the words after it name a place (1个政府信息查阅点和依申请公开受理点):
# no request and no document.
PLACE_AFTER = re.compile(r"^[^,，]{0,10}?(?:查阅点|受理点|查阅场所|查阅室|服务窗口|场所)")
# 行政复议、行政诉讼 named together before one figure: a count of both (0 for each when 0).
APPEALS_TOGETHER = re.compile(
    r"复议[^,，]{0,4}?[、和及与或/][^,，]{0,6}?诉讼|诉讼[^,，]{0,4}?[、和及与或/][^,，]{0,6}?复议"
)

# Pinyin glosses of mirror sites (報(bào)告, 數(shù)據(jù)): dropped before anything is read.
PINYIN_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")

# Units each topic is counted in (a 次 is never a number of documents).
UNITS = {
    "proactive": frozenset("条件篇个份项"),
    "requests": frozenset("件条个份起宗次项例"),  # 受理依申请政府信息公开事项17例
    "appeals": frozenset("件起宗个次"),
    "fees": frozenset({"元", "万元"}),
}

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
