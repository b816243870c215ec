"""公文-like page and type settings, shared by the DOCX and the HTML/PDF renderers.

GB/T 9704-2012 sets the look the agencies' own letters have: A4, title in 小标宋 二号 (22pt),
body in 仿宋_GB2312 三号 (16pt), 22 lines a page, margins 37/35/28/26 mm. Each font list
runs from what agencies install to what a Debian machine has (fonts-noto-cjk).
"""

TITLE_FONTS = ("方正小标宋简体", "小标宋", "黑体", "SimHei", "Noto Serif CJK SC")
BODY_FONTS = ("仿宋_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC")
TITLE_SIZE_PT = 22  # 二号
BODY_SIZE_PT = 16  # 三号
LINE_PITCH_PT = 28.95  # 22 lines in the 225 mm text block
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
PAGE_MM = (210, 297)  # A4
SIGNATURE_RIGHT_CHARS = 4  # 落款 ends four characters from the right margin
