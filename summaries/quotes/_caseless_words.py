"""Speech-attribution word lists for scripts without capital letters (Arabic, Persian, Urdu,
Hindi, Chinese, Korean): speech verbs, subject markers, "according to" and subject stops."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CaselessLexicon:
    """How one language ties a quote to its speaker when names carry no capital letter.

    A speaker is read only next to a speech verb (or an "according to" phrase): the span of
    words the grammar puts there as the subject, cut at the first stop word or punctuation and
    bounded in length. `order` is "vs" when the subject follows the verb (Arabic `قال الوزير`),
    "sv" when it precedes it. `markers` are postpositions that close the subject (Hindi
    ergative `ने`); `tails` follow a closing mark and hand the quote to a verb after it (Korean
    `"…"라고 말했다`), whose subject carries one of `particles`. `spaced` is False for Chinese,
    where words are runs of characters and `max_words` counts characters.
    """

    verbs: tuple[str, ...]
    order: str = "sv"
    prefixes: tuple[str, ...] = ()
    markers: tuple[str, ...] = ()
    according_before: tuple[str, ...] = ()
    according_after: tuple[str, ...] = ()
    complementizers: tuple[str, ...] = ()
    tails: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    pronouns: tuple[str, ...] = ()
    stops: tuple[str, ...] = ()
    stop_prefixes: tuple[str, ...] = ()
    leading: tuple[str, ...] = ()
    modifier: str = ""
    spaced: bool = True
    max_words: int = 7


_ARABIC_VERBS = (
    "قال", "قالت", "يقول", "تقول", "أكد", "أكدت", "يؤكد", "تؤكد", "أضاف", "أضافت", "يضيف",
    "تضيف", "صرح", "صرحت", "صرّح", "صرّحت", "أوضح", "أوضحت", "يوضح", "أشار", "أشارت", "تابع",
    "تابعت", "ذكر", "ذكرت", "اعتبر", "اعتبرت", "شدد", "شددت", "لفت", "لفتت", "رأى", "رأت",
    "أعلن", "أعلنت", "كتب", "كتبت", "علق", "علقت", "علّق", "ردّ", "رد", "ردت", "حذر", "حذرت",
    "حذّر", "أفاد", "أفادت", "أردف", "أردفت", "استطرد", "اختتم", "ختم",
)
_ARABIC_STOPS = (
    "في", "خلال", "أمام", "على", "عن", "من", "إلى", "الى", "مع", "لدى", "عبر", "بعد", "قبل",
    "عند", "أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "يوم", "اليوم", "أمس", "مساء",
    "صباح", "قائلا", "قائلاً", "قائلة", "قائلةً", "حول", "بشأن", "أيضا", "أيضاً", "كذلك", "ل",
    "لـ", "إثر", "عقب", "عليه", "عليها", "عليهم", "له", "لها", "لهم", "منه", "منها", "عنه",
    "عنها", "إليه", "إليها", "فيه", "فيها", "به", "بها",
    "الأسبوع", "الشهر", "العام", "السنة", "الليلة", "غدا", "غداً", "الأحد", "الاثنين",
    "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "التي", "الذي", "الذين", "حين",
    "حيث", "ردا", "رداً", "تعليقا", "تعليقاً", "هذا", "ذلك",
)
_PERSIAN_STOPS = (
    "در", "با", "به", "از", "برای", "روز", "امروز", "دیروز", "که", "نیز", "هم", "همچنین", "را",
    "درباره", "دربارهٔ", "طی", "پس", "پیش", "ضمن", "امسال", "صبح", "شب", "عصر", "بعد", "قبل",
    "هنگام", "وقتی", "اما", "ولی", "سپس",
)
_URDU_STOPS = (
    "میں", "سے", "پر", "کو", "اور", "کہ", "جبکہ", "بھی", "تاہم", "لیکن", "نے",
)
_HINDI_STOPS = (
    "में", "से", "पर", "को", "और", "कि", "तथा", "एवं", "जबकि", "भी", "वहीं", "लेकिन", "मगर",
    "तो", "ने", "बाद", "दौरान",
)
_CHINESE_STOPS = (
    "在", "于", "对", "向", "接受", "今天", "昨天", "今日", "昨日", "日前", "近日", "当天", "当日",
    "随后", "此前", "会上", "也", "还", "则", "曾", "再次", "同时", "告诉", "通过", "就此", "表态",
)
_KOREAN_STOPS = (
    "이날", "또한", "한편", "또", "특히", "이어", "앞서", "당시", "최근", "그러나", "하지만",
)

CASELESS: dict[str, CaselessLexicon] = {
    # `وقال وزير المياه أحمد الخطيب في الحفل: «…»` / `«…»، قال الخطيب` / `بحسب الخطيب، «…»`
    "ar": CaselessLexicon(
        verbs=_ARABIC_VERBS,
        order="vs",
        prefixes=("و", "ف"),
        according_before=(
            "بحسب", "حسب", "وفقا ل", "وفقاً ل", "وفقا لـ", "وفقاً لـ", "طبقا ل", "طبقاً ل",
            "على حد قول", "على حد تعبير", "نقلا عن", "نقلاً عن",
        ),
        complementizers=("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها"),
        pronouns=("هو", "هي", "هم"),
        stops=_ARABIC_STOPS,
        stop_prefixes=("لل", "بال"),
        leading=("و", "ثم", "كما", "فيما", "بينما"),
        max_words=8,
    ),
    # `علی اکبری، وزیر نیرو، در مراسم گفت: «…»` / `به گفته اکبری، «…»`
    "fa": CaselessLexicon(
        verbs=(
            "گفت", "افزود", "اظهار داشت", "اظهار کرد", "بیان کرد", "تاکید کرد", "تأکید کرد",
            "خاطرنشان کرد", "تصریح کرد", "اعلام کرد", "نوشت", "می‌گوید", "میگوید", "گفته است",
            "ادامه داد", "عنوان کرد", "یادآور شد", "توضیح داد", "هشدار داد",
        ),
        according_before=("به گفته", "به گفتهٔ", "به گفته‌ی", "به گفته ی", "به اعتقاد"),
        complementizers=("که",),
        pronouns=("او", "وی", "ایشان", "آنها"),
        stops=_PERSIAN_STOPS,
        leading=("و", "اما", "ولی", "همچنین", "سپس"),
        max_words=7,
    ),
    # `وزیر اعلیٰ مریم نواز نے کہا کہ "…"` / `انہوں نے کہا` / `ان کے مطابق`
    "ur": CaselessLexicon(
        verbs=(
            "کہا", "بتایا", "کہنا تھا", "کہنا ہے", "مزید کہا", "لکھا", "واضح کیا", "زور دیا",
            "کہتے ہیں", "کہتی ہیں", "کہتے", "کہتی",
        ),
        markers=("نے", "کا", "کی"),
        according_after=("کے مطابق", "کے بقول"),
        complementizers=("کہ",),
        pronouns=("انہوں", "انھوں", "ان", "اس", "وہ", "انہوں نے", "اُنہوں"),
        stops=_URDU_STOPS,
        leading=("اور", "تاہم", "جبکہ"),
        max_words=6,
    ),
    # `परिवहन मंत्री सुनीता वर्मा ने कहा, "…"` / `उन्होंने कहा` / `सरकार के अनुसार`
    "hi": CaselessLexicon(
        verbs=(
            "कहा", "बताया", "कहना है", "कहना था", "जोड़ा", "लिखा", "स्पष्ट किया", "ज़ोर दिया",
            "जोर दिया", "दावा किया", "कहते हैं", "कहती हैं", "कहते", "कहती",
        ),
        markers=("ने", "का", "की"),
        according_after=("के अनुसार", "के मुताबिक", "के मुताबिक़"),
        complementizers=("कि",),
        pronouns=(
            "उन्होंने", "उसने", "इन्होंने", "इसने", "उनका", "उसका", "इनका", "वह", "वे", "उन",
            "उस",
        ),
        stops=_HINDI_STOPS,
        leading=("और", "वहीं", "लेकिन", "तथा"),
        max_words=6,
    ),
    # `董事长王建国在仪式上表示：“…”` / `“…”王建国说。` / `据王建国介绍，“…”`
    "zh": CaselessLexicon(
        verbs=(
            "表示", "说", "说道", "指出", "称", "强调", "介绍", "认为", "透露", "坦言", "直言",
            "回应", "解释", "补充", "补充道", "表态", "宣布", "写道", "提到", "感叹", "呼吁",
            "警告", "承认", "坦承", "回忆", "告诉记者", "笑着说", "对记者说",
        ),
        pronouns=("他", "她", "他们", "她们", "其"),
        stops=_CHINESE_STOPS,
        leading=("据", "根据", "但", "而", "但是", "不过", "另外", "此外", "其中", "并"),
        modifier="的",
        spaced=False,
        max_words=16,
    ),
    # `김철수 장관은 "…"라고 말했다` / `"…"고 그는 밝혔다` / `김 장관에 따르면`
    "ko": CaselessLexicon(
        verbs=(
            "말했다", "밝혔다", "강조했다", "설명했다", "전했다", "덧붙였다", "지적했다",
            "주장했다", "언급했다", "답했다", "물었다", "말한다", "했다", "호소했다", "토로했다",
            "비판했다", "경고했다", "말했습니다", "밝혔습니다", "강조했습니다", "설명했습니다",
            "전했습니다", "덧붙였습니다",
        ),
        according_after=("에 따르면",),
        tails=("이라고", "라고", "고", "라며", "이라며", "며", "라면서", "면서"),
        particles=("은", "는", "이", "가"),
        pronouns=("그", "그녀", "그들"),
        stops=_KOREAN_STOPS,
        leading=_KOREAN_STOPS,
        max_words=4,
    ),
}

#: Subject pronouns of these languages: a mention that names nobody.
CASELESS_PRONOUNS = frozenset(p for lx in CASELESS.values() for p in lx.pronouns)
