"""Words: lower-cased word tokens (character bigrams for Chinese and Japanese), function words."""

from __future__ import annotations

import re
import unicodedata


def _mark_class() -> str:
    """A regex class of the combining marks (Mn, Mc, Me) of the Basic Multilingual Plane.

    Python's `\\w` leaves them out, which would cut Hindi words at every vowel sign and Arabic
    ones at every vowel point.
    """
    ranges: list[tuple[int, int]] = []
    for cp in range(0x0300, 0x10000):
        if unicodedata.category(chr(cp)).startswith("M"):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in ranges)


# Zero-width (non-)joiners sit inside Persian and Indic words ("می‌شود").
_MARKS = rf"{_mark_class()}\u200c\u200d"
_WORD_CHAR = rf"[^\W_]|[{_MARKS}]"
#: A word: letters, digits and marks, with inner apostrophes or hyphens ("l'école", "e-mail").
WORD = re.compile(rf"(?:{_WORD_CHAR})+(?:['’\-](?:{_WORD_CHAR})+)*")
#: `WORD` for text without underscores: one character class instead of an alternation of two
#: (the scan takes about half the time). An underscore separates words as a space does, so
#: `words` turns them into spaces first; the tokens are the same (checked on 869 dev texts).
_WORD_NO_UNDERSCORE = re.compile(rf"[\w{_MARKS}]+(?:['’\-][\w{_MARKS}]+)*")
#: Han and kana runs: no spaces between words, so they are cut into overlapping bigrams.
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u31f0-\u31ff]+")
#: Thai, Lao, Tibetan, Myanmar and Khmer runs (letters and their vowel signs): no spaces between
#: words either, with words of about four characters.
_SOUTHEAST_RUN = re.compile(r"[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]+")
_SOUTHEAST_WORD_CHARS = 4
#: Either of the two above: one scan of a text that has neither (one class scans faster than
#: the two apart).
_UNSPACED_RUN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u31f0-\u31ff"
    r"\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]"
)


def words(text: str) -> list[str]:
    """Lower-cased word tokens of a text written with spaces between words."""
    if "Σ" in text:
        # the only context-dependent lower-casing (final sigma): lower each token on its own
        return [w.lower() for w in _WORD_NO_UNDERSCORE.findall(text.replace("_", " "))]
    # Lower-casing keeps every character's class (word, mark, apostrophe, hyphen, other), so
    # the tokens of the lower-cased text are the lower-cased tokens, without one call per word.
    return _WORD_NO_UNDERSCORE.findall(text.lower().replace("_", " "))


def cjk_words(text: str) -> list[str]:
    """Word tokens for Chinese and Japanese: overlapping character bigrams of Han/kana runs.

    A run of one character stays a unigram. Latin words and numbers inside the text are
    tokenized as usual. Bigrams need no dictionary and are what n-gram similarity (LexRank,
    TextRank, our own ranker) needs to see shared words.
    """
    out: list[str] = []
    last = 0
    for run in _CJK_RUN.finditer(text):
        out.extend(words(text[last : run.start()]))
        chars = run.group()
        if len(chars) == 1:
            out.append(chars)
        else:
            out.extend(chars[i : i + 2] for i in range(len(chars) - 1))
        last = run.end()
    out.extend(words(text[last:]))
    return out


#: Combining grave, acute and macron: the tone marks of Yoruba's orthography.
_TONE_MARKS = frozenset("\u0300\u0301\u0304")


def without_tone_marks(word: str) -> str:
    """`word` with its tone marks (grave, acute, macron) removed, in NFC."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


def count_words(text: str) -> int:
    """Words of a text: whitespace-separated tokens, a Han/kana run counting one per 2 characters.

    Chinese and Japanese put no spaces between words (a paragraph is one "token"), and their
    words average about two characters, so whole articles would otherwise count a few words.
    Thai, Lao, Khmer, Myanmar and Tibetan runs count one word per four characters.
    """
    tokens = text.split()
    if _UNSPACED_RUN.search(text) is None:  # the common case: one scan, not one per token
        return len(tokens)
    cjk_found = _CJK_RUN.search(text) is not None
    southeast_found = _SOUTHEAST_RUN.search(text) is not None
    total = 0
    for token in tokens:
        cjk = sum(len(run) for run in _CJK_RUN.findall(token)) if cjk_found else 0
        southeast = (
            sum(len(run) for run in _SOUTHEAST_RUN.findall(token)) if southeast_found else 0
        )
        if cjk or southeast:
            words = (cjk + 1) // 2 + -(-southeast // _SOUTHEAST_WORD_CHARS)
            total += max(1, words)
        else:
            total += 1
    return total


#: English function words: the closed class of pronouns, determiners, auxiliaries, prepositions,
#: conjunctions and contraction pieces, as in the widely used NLTK/Snowball English list. Kept
#: small on purpose: stopwordsiso's English list (1298 words) and even sumy's (579) also drop
#: words such as "year", "states", "said", "new" or "would" that a news article keeps coming back
#: to, and the ranker measured better on both dev sets with the closed class only.
_ENGLISH_FUNCTION_WORDS_TEXT = """
    a about above after again against ain all am an and any are aren aren't as at be because
    been before being below between both but by can couldn couldn't d did didn didn't do does
    doesn doesn't doing don don't down during each few for from further had hadn hadn't has
    hasn hasn't have haven haven't having he her here hers herself him himself his how i if in
    into is isn isn't it it's its itself just ll m ma me mightn mightn't more most mustn
    mustn't my myself needn needn't no nor not now o of off on once only or other our ours
    ourselves out over own re s same shan shan't she she's should should've shouldn shouldn't
    so some such t than that that'll the their theirs them themselves then there these they
    this those through to too under until up ve very was wasn wasn't we were weren weren't what
    when where which while who whom why will with won won't wouldn wouldn't y you you'd you'll
    you're you've your yours yourself yourselves
"""
_ENGLISH_FUNCTION_WORDS = frozenset(_ENGLISH_FUNCTION_WORDS_TEXT.split())
#: The same with typographic apostrophes, which the tokenizer keeps inside words ("it’s").
ENGLISH_FUNCTION_WORDS = _ENGLISH_FUNCTION_WORDS | {
    w.replace("'", "\u2019") for w in _ENGLISH_FUNCTION_WORDS
}

#: Closed-class function words (pronouns, prepositions, conjunctions, particles, the copula and
#: auxiliaries) for languages whose packaged lists are long frequency lists: stopwordsiso's
#: Russian list (559 words) has "россия", "миллионов", "говорить", "год"; its Indonesian one
#: "tahun", "baru", "mengatakan"; its Vietnamese one "năm", "người", "nói"; its Persian one
#: "گفت", "روز", "جدید". Those are what a news article keeps returning to, so the ranker must
#: see them. Modelled on the Snowball lists where one exists.
_FUNCTION_WORDS_TEXT = {
    "ru": """
        и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по
        только ее её мне было вот от меня еще ещё нет о об из ему теперь когда даже ну ли если
        уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может
        они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе
        под будет ж тогда кто этот того потому этого какой совсем ним здесь этом почти мой тем
        чтобы нее неё сейчас были куда зачем всех никогда можно при наконец другой хоть после над
        больше тот через эти нас про всего них какая разве эту моя впрочем свою этой перед
        иногда чуть том нельзя такой им более всегда конечно всю между это эта которые который
        которая которого которой которых которым которую котором также лишь либо однако будут
        будем будут бы оно ими нему своей своего свои своих свой своё свое сама само сами самый
        та те то тех тем теми той тому ту также ко ото изо надо передо подо из-за из-под
        вокруг около возле среди против кроме ради вместо вне сквозь вдоль поэтому тогда ибо
        зато причем притом хотя пусть пока едва лишь именно даже вообще весь вся всем всеми
        каждый каждая каждое каждые кто-то что-то какие каких каким
    """,
    "uk": """
        і й та в у на з із зі до від для по за про при під над між через без біля після перед
        не ні що як це цей ця ці цього цієї цих тим тому той те та той такий така таке такі
        він вона воно вони ми ви я ти його її їх їм їй йому нам вам нас вас мене мені себе
        свій своя своє свої свого своєї своїх але а або чи бо якщо коли щоб хоча поки ніж також
        теж лише тільки вже ще навіть саме же ж б би є був була було були буде будуть бути
        який яка яке які якого якої яких яким котрий де там тут тоді потім усі всі весь вся
        все кожен кожна кожне інший інша інше інші
    """,
    "id": """
        yang dan di ke dari ini itu dengan untuk pada dalam tidak akan juga adalah ialah atau
        oleh karena sudah telah ada bisa dapat lebih saat sebagai secara tersebut bahwa kami
        kita mereka ia dia saya anda kamu beliau nya para namun tetapi tapi jika kalau agar
        supaya hingga sampai sejak antara atas bagi tentang seperti yaitu yakni pun lagi masih
        belum hanya saja sangat paling harus bukan tak ya setelah sebelum ketika sementara serta
        maupun lalu kemudian begitu demikian sini situ sana apa siapa mana bagaimana mengapa
        kenapa kapan berapa semua setiap beberapa sedang sedangkan bila apabila maka jadi pula
        terhadap melalui tanpa bersama per sebuah seorang para pun adapun yakni akan sangat
        sudah pernah sering selalu segera tersebut itulah inilah ialah merupakan
    """,
    "vi": """
        và của là có được cho với các những một này đó trong khi đã đang sẽ không thì mà để
        từ tại về theo như nhưng hay hoặc vì nên rằng cũng rất lại ra vào lên xuống đến bị do
        ở trên dưới sau trước nếu thế vẫn chỉ còn mỗi mọi tôi chúng ta họ nó mình gì nào ai
        đâu sao vậy ấy cái chiếc việc sự cả hơn nữa đều vừa chưa chẳng hết qua bởi giữa
        tuy dù nhé ạ à thôi cùng đây kia
    """,
    "fa": """
        و در به از که این را با است برای آن یک تا هم می بر شد شده نیز بود کرد کند ها های ای
        اما یا اگر هر او ما من تو شما آنها وی ایشان خود چه چون پس نه همه دیگر باید بین روی
        زیر ولی هیچ همین همان چنین آنچه اینکه کرده بوده باشد هست نیست شود می‌شود می‌کند
        بوده‌است شده‌است شوند کنند بودند کردند دارد دارند داشت نمی توسط درباره طی ضمن مانند
        مثل بدون چرا چگونه کجا کی آیا نیز البته حتی فقط تنها بلکه زیرا ام ایم اند
    """,
    # Yoruba in its full spelling (the tone-optional rule adds the forms without tone marks);
    # stopwordsiso's list has "ọjọ́" (day), "padà" (return), "bẹ̀rẹ̀" (begin) and lacks "tó",
    # "nínú", "lórí", "yóò", "èyí".
    "yo": """
        mo mi o ó ọ a ẹ è wọ́n wọn un òun èmi ìwọ àwa ẹ̀yin àwọn rẹ rẹ̀ wa yín
        náà yìí yẹn yí kan kankan gbogbo èyí ìyẹn ọ̀hún ọhun mìíràn míì
        tí tó pé wípé kí ni ní ló la lo jẹ́ jẹ ti ń máa yóò á kò kì má kìí tún sì ṣì kàn ṣe
        sí fún láti pẹ̀lú lórí nínú nípa láàrin láàárín lẹ́yìn ṣáájú títí dé lábẹ́ lọ́dọ̀ sínú
        látàrí nítorí torí àti ṣùgbọ́n àmọ́ tàbí bí bẹ́ẹ̀ nígbà kódà síbẹ̀ bákan
    """,
}
#: Closed-class lists by language, lower-cased.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(text.split()) for lang, text in _FUNCTION_WORDS_TEXT.items()
}
#: Content words the packaged lists (sumy ∩ stopwordsiso) still hold: news words, reporting
#: verbs, dates and numbers a ranker must see.
_NOT_FUNCTION_WORDS_TEXT = {
    "it": """
        anno anni giorno giorni detto fatto gente citta città ansa esempio fine caso cosa dire
        dice diventa diventare diventato
    """,
    "ar": """
        قال وقال وقالت واضاف واضافت واكد واوضح اعلنت سنة عام عاما سنوات مليون مليار يوم اليوم
        ايام صباح مساء زيارة مايو ايار ثلاثة اربعة عشرة واحد للامم لوكالة اعادة اطار الماضي
        المقبل الوقت نهاية
    """,
    "hi": "कहा कहते दिया किया वर्ग",
    "pl": "roku prof godz dzisiaj dziś pana pani",
    "ko": "년",
}
NOT_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(text.split()) for lang, text in _NOT_FUNCTION_WORDS_TEXT.items()
}
