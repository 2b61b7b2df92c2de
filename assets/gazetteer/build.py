#!/usr/bin/env python3
"""Builds gazetteer.tsv: Arabic names of countries, nationality adjectives, cities, organisations, agencies and
government/armed-forces bodies, for src/analysis/gazetteer.rs (loaded with include_str!).

Sources (all real, none taken from the sample articles):
- Debian `iso-codes`: /usr/share/iso-codes/json/iso_3166-1.json + Arabic translations
  /usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo (names, official names, common names);
- Unicode CLDR via PyPI `babel`: country names of every Arabic locale (ar, ar_EG, ar_SA, …), Arabic names of the
  exemplar cities of time zones (with their country from CLDR's zone→territory table), Arabic language names (used
  to CHECK derived nationality adjectives: CLDR's الروسية "Russian" must equal the derived feminine adjective);
- nationality adjectives (nisba) derived by rule from the country names (ـي / ـية, with and without ال, plurals
  ـيون / ـيين), with a list of irregular ones;
- SUPPLEMENT below: capitals missing from CLDR's exemplar cities, common aliases, international organisations,
  news agencies and government/armed-forces bodies, written from general knowledge (standard Arabic press names).
- Filter: single-word names that ANERcorp (../shared/ner/anercorp_train.conll, if present) mostly tags `O` (common
  words such as ماهي "Mahé" = "what is") are dropped.

Run: apt-get install iso-codes && pip install babel && python3 assets/gazetteer/build.py
Output columns: kind <TAB> canonical <TAB> written form. Kinds: country, nationality, capital, city, org, agency, body.
"""

import collections
import gettext
import json
import os
import re
import sys

import babel
from babel import Locale, localedata
from babel.core import get_global

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gazetteer.tsv")
ANERCORP = os.path.join(HERE, "..", "..", "..", "shared", "ner", "anercorp_train.conll")
ANERCORP_ALT = "/work/shared/ner/anercorp_train.conll"

TASHKEEL = re.compile("[\u064B-\u065F\u0670\u0640]")


def clean(s):
    """Drops tashkeel (iso-codes writes shadda and kasra) and extra spaces; keeps hamza forms."""
    s = TASHKEEL.sub("", s)
    s = s.replace("\u200f", "").replace("\u200e", "")
    return " ".join(s.split())


def norm(s):
    """Roughly src/arabic/normalize.rs, for de-duplication and the ANERcorp check only."""
    s = clean(s)
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ؤ", "و"), ("ئ", "ي")):
        s = s.replace(a, b)
    return s


rows = []  # (kind, canonical, form)


def add(kind, canonical, form):
    form = clean(form)
    if form and re.search("[\u0621-\u064A]", form):
        rows.append((kind, canonical, form))


# ---------------------------------------------------------------- countries
iso = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
tr = gettext.translation("iso_3166-1", "/usr/share/locale", languages=["ar"])
ar_locales = [l for l in localedata.locale_identifiers() if l == "ar" or l.startswith("ar_")]
cldr_names = collections.defaultdict(set)
for loc in ar_locales:
    for code, name in Locale.parse(loc).territories.items():
        if len(code) == 2 and code.isalpha():
            cldr_names[code].add(name)

country_names = {}  # code -> list of Arabic names, the CLDR default first
for entry in iso:
    code = entry["alpha_2"]
    names = []
    default = Locale("ar").territories.get(code)
    if default:
        names.append(default)
    names.extend(sorted(cldr_names.get(code, ())))
    for field in ("name", "official_name", "common_name"):
        if field in entry:
            t = tr.gettext(entry[field])
            if t != entry[field]:
                # "إيران، الجمهوريّة الإسلاميّة الإيرانيّة" is two aliases.
                names.extend(p for p in t.split("،") if p.strip())
    seen, uniq = set(), []
    for n in names:
        n = clean(n)
        if n and norm(n) not in seen:
            seen.add(norm(n))
            uniq.append(n)
    country_names[code] = uniq
    for n in uniq:
        add("country", f"place:{code}", n)

ALIASES = {
    "RU": ["روسيا الاتحادية", "الاتحاد الروسي"],
    "US": ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "واشنطن"],
    "GB": ["بريطانيا", "المملكة المتحدة", "بريطانيا العظمى"],
    "IR": ["الجمهورية الإسلامية", "الجمهورية الإسلامية الإيرانية"],
    "SY": ["سورية", "الجمهورية العربية السورية"],
    "KP": ["كوريا الشمالية"],
    "KR": ["كوريا الجنوبية"],
    "CN": ["جمهورية الصين الشعبية"],
    "AE": ["الإمارات"],
    "SA": ["السعودية", "المملكة العربية السعودية"],
    "PS": ["فلسطين"],
    "NL": ["هولندا"],
    "CZ": ["التشيك"],
    "BY": ["بيلاروس", "بيلاروسيا", "روسيا البيضاء"],
    "MM": ["ميانمار", "بورما"],
    "CI": ["ساحل العاج", "كوت ديفوار"],
    "VA": ["الفاتيكان"],
    "TR": ["تركيا"],
    "DE": ["ألمانيا"],
}
# "واشنطن" for the US government is the usual metonymy in the press but it is a city: keep it a city only.
ALIASES["US"].remove("واشنطن")
for code, names in ALIASES.items():
    for n in names:
        if norm(n) not in {norm(x) for x in country_names[code]}:
            country_names[code].append(n)
            add("country", f"place:{code}", n)

# ---------------------------------------------------------------- nationality adjectives (nisba)
IRREGULAR = {
    "US": ["أمريكي", "أميركي"],
    "GB": ["بريطاني"],
    "AE": ["إماراتي"],
    "SA": ["سعودي"],
    "KR": ["كوري جنوبي"],
    "KP": ["كوري شمالي"],
    "AF": ["أفغاني"],
    "NL": ["هولندي"],
    "CZ": ["تشيكي"],
    "BY": ["بيلاروسي"],
    "PS": ["فلسطيني"],
    "CH": ["سويسري"],
    "NZ": ["نيوزيلندي"],
    "ZA": ["جنوب أفريقي"],
    "CI": ["إيفواري"],
    "VA": ["فاتيكاني"],
    "DO": ["دومينيكاني"],
    "BA": ["بوسني"],
    "CF": ["أفريقي أوسطي"],
    "AT": ["نمساوي"],
    "PE": ["بيروفي"],
    "UZ": ["أوزبكي", "أوزبكستاني"],
    "TJ": ["طاجيكي", "طاجيكستاني"],
    "KZ": ["كازاخي", "كازاخستاني"],
    "KG": ["قرغيزي", "قيرغيزستاني"],
    "TM": ["تركماني", "تركمانستاني"],
    "DK": ["دنماركي", "دانمركي"],
}


def nisba(name):
    """Masculine nationality adjective of a one-word country name, without ال."""
    base = name
    if base.startswith("ال"):
        base = base[2:]
    if " " in base or len(base) < 3:
        return None
    if base.endswith("يا") and len(base) > 4:
        return base[:-2] + "ي"
    if base.endswith("ة"):
        return base[:-1] + "ي"
    if base.endswith("ا") or base.endswith("ى"):
        return base[:-1] + "ي"
    if base.endswith("ي"):
        return None
    return base + "ي"


def adjective_forms(masc):
    """إيراني → إيراني إيرانية الإيراني الإيرانية الإيرانيون الإيرانيين إيرانيون إيرانيين (each word of a phrase)."""
    words = masc.split()
    out = []
    for fem, plural in ((False, None), (True, None), (False, "ون"), (False, "ين")):
        for art in (False, True):
            ws = []
            for w in words:
                if fem:
                    w = w + "ة"
                elif plural:
                    w = w + plural
                if art:
                    w = "ال" + w
                ws.append(w)
            out.append(" ".join(ws))
    return out


cldr_lang = {clean(v) for v in Locale("ar").languages.values()}
checked = confirmed = 0
for code, names in country_names.items():
    adjs = list(IRREGULAR.get(code, []))
    if not adjs:
        for n in names[:1]:  # the CLDR default name is the base of the adjective
            a = nisba(n)
            if a:
                adjs.append(a)
    for a in adjs:
        fem_def = "ال" + a + "ة"
        checked += 1
        if fem_def in cldr_lang:
            confirmed += 1
        for form in adjective_forms(a):
            add("nationality", f"place:{code}", form)
print(f"nationality adjectives: {checked} derived, {confirmed} equal to a CLDR language name", file=sys.stderr)

# ---------------------------------------------------------------- cities (CLDR exemplar cities of time zones)
zone_territory = get_global("zone_territories")
for zone, data in Locale("ar").time_zones.items():
    city = data.get("city") if hasattr(data, "get") else None
    terr = zone_territory.get(zone)
    if not city or not terr or len(terr) != 2:
        continue
    slug = zone.split("/")[-1].lower()
    add("city", f"place:{terr}:{slug}", city)

CAPITALS = {  # capitals and major cities missing from CLDR's exemplar cities (slug, Arabic forms)
    "US": [("washington", ["واشنطن"])],
    "CN": [("beijing", ["بكين", "بيجين", "بيجينغ"]), ("shanghai", ["شنغهاي", "شانغهاي", "شانغاي"])],
    "IN": [("new_delhi", ["نيودلهي", "نيو دلهي"]), ("mumbai", ["مومباي"])],
    "TR": [("ankara", ["أنقرة"])],
    "PK": [("islamabad", ["إسلام آباد", "إسلام أباد"])],
    "AE": [("abu_dhabi", ["أبوظبي", "أبو ظبي"])],
    "CA": [("ottawa", ["أوتاوا"])],
    "AU": [("canberra", ["كانبيرا"])],
    "BR": [("brasilia", ["برازيليا"])],
    "CH": [("geneva", ["جنيف"]), ("bern", ["برن"])],
    "ZA": [("pretoria", ["بريتوريا"])],
    "NG": [("abuja", ["أبوجا"])],
    "SA": [("jeddah", ["جدة"]), ("mecca", ["مكة", "مكة المكرمة"])],
    "IQ": [("basra", ["البصرة"]), ("mosul", ["الموصل"]), ("erbil", ["أربيل"])],
    "SY": [("aleppo", ["حلب"]), ("homs", ["حمص"]), ("latakia", ["اللاذقية"]), ("idlib", ["إدلب"])],
    "IR": [("isfahan", ["أصفهان"]), ("mashhad", ["مشهد"]), ("tabriz", ["تبريز"]), ("qom", ["قم"]), ("shiraz", ["شيراز"])],
    "RU": [("saint_petersburg", ["سانت بطرسبرغ", "سان بطرسبرغ"]), ("sochi", ["سوتشي"])],
    "UA": [("kyiv", ["كييف"]), ("kharkiv", ["خاركيف"])],
    "EG": [("alexandria", ["الإسكندرية"])],
    "LB": [("tripoli_lb", ["طرابلس الشام"])],
    "LY": [("benghazi", ["بنغازي"])],
    "YE": [("sanaa", ["صنعاء"]), ("hodeidah", ["الحديدة"])],
    "PS": [("gaza", ["غزة"]), ("ramallah", ["رام الله"])],
    "IL": [("tel_aviv", ["تل أبيب"])],
    "DE": [("munich", ["ميونخ"]), ("bonn", ["بون"])],
    "US2": [],
}
for code, cities in CAPITALS.items():
    for slug, forms in cities:
        for f in forms:
            add("capital", f"place:{code}:{slug}", f)

# ---------------------------------------------------------------- organisations, agencies, bodies
ORGS = {
    "UN": ["الأمم المتحدة", "منظمة الأمم المتحدة", "هيئة الأمم المتحدة"],
    "UNSC": ["مجلس الأمن", "مجلس الأمن الدولي", "مجلس الأمن التابع للأمم المتحدة"],
    "UNGA": ["الجمعية العامة للأمم المتحدة"],
    "NATO": ["حلف شمال الأطلسي", "حلف الناتو", "الناتو", "حلف شمال الاطلسي"],
    "SCO": ["منظمة شنغهاي للتعاون", "منظمة شنغهاي", "منظمة شانغهاي للتعاون", "منظمة شنجهاي للتعاون"],
    "EU": ["الاتحاد الأوروبي", "الاتحاد الأوربي"],
    "AL": ["جامعة الدول العربية", "الجامعة العربية"],
    "OIC": ["منظمة التعاون الإسلامي", "منظمة المؤتمر الإسلامي"],
    "IAEA": ["الوكالة الدولية للطاقة الذرية"],
    "WHO": ["منظمة الصحة العالمية"],
    "IMF": ["صندوق النقد الدولي"],
    "WB": ["البنك الدولي"],
    "OPEC": ["أوبك", "منظمة أوبك", "منظمة الدول المصدرة للنفط"],
    "GCC": ["مجلس التعاون الخليجي", "مجلس التعاون لدول الخليج العربية"],
    "AU": ["الاتحاد الأفريقي", "الاتحاد الإفريقي"],
    "BRICS": ["بريكس", "مجموعة بريكس"],
    "ASEAN": ["آسيان", "رابطة دول جنوب شرق آسيا"],
    "CSTO": ["منظمة معاهدة الأمن الجماعي"],
    "CIS": ["رابطة الدول المستقلة"],
    "ICRC": ["الصليب الأحمر", "اللجنة الدولية للصليب الأحمر"],
    "UNESCO": ["اليونسكو", "منظمة الأمم المتحدة للتربية والعلم والثقافة"],
    "UNICEF": ["اليونيسف", "اليونيسيف"],
    "WTO": ["منظمة التجارة العالمية"],
    "G20": ["مجموعة العشرين"],
    "G7": ["مجموعة السبع", "مجموعة الدول السبع"],
    "OSCE": ["منظمة الأمن والتعاون في أوروبا"],
    "ICC": ["المحكمة الجنائية الدولية"],
    "ICJ": ["محكمة العدل الدولية"],
    "UNHCR": ["المفوضية السامية للأمم المتحدة لشؤون اللاجئين", "مفوضية اللاجئين"],
    "IRGC": ["الحرس الثوري", "الحرس الثوري الإيراني", "حرس الثورة الإسلامية"],
    "HEZBOLLAH": ["حزب الله"],
    "HAMAS": ["حماس", "حركة حماس"],
    "ISIS": ["داعش", "تنظيم داعش", "الدولة الإسلامية"],
    "PENTAGON": ["البنتاغون", "البنتاجون"],
    "KREMLIN": ["الكرملين"],
    "WHITEHOUSE": ["البيت الأبيض"],
    "CIA": ["وكالة المخابرات المركزية الأمريكية", "سي آي إيه"],
    "MOSSAD": ["الموساد"],
    "EAEU": ["الاتحاد الاقتصادي الأوراسي"],
}
AGENCIES = {
    "TASS": ["تاس", "وكالة تاس", "ايتار تاس", "إيتار تاس"],
    "RIA": ["ريا نوفوستي", "نوفوستي", "وكالة نوفوستي"],
    "INTERFAX": ["إنترفاكس", "انترفاكس"],
    "SPUTNIK": ["سبوتنيك"],
    "RT": ["روسيا اليوم", "آر تي"],
    "IRNA": ["إرنا", "ارنا", "وكالة الأنباء الإيرانية", "وكالة الجمهورية الإسلامية للأنباء"],
    "FARS": ["وكالة فارس", "فارس للأنباء"],
    "TASNIM": ["تسنيم", "وكالة تسنيم"],
    "MEHR": ["وكالة مهر", "مهر للأنباء"],
    "ISNA": ["إيسنا", "ايسنا"],
    "IRIB": ["الإذاعة والتلفزيون الإيرانية"],
    "SANA": ["سانا", "الوكالة العربية السورية للأنباء"],
    "REUTERS": ["رويترز", "وكالة رويترز"],
    "AFP": ["فرانس برس", "وكالة فرانس برس", "أ ف ب"],
    "AP": ["أسوشيتد برس", "أسوشييتد برس", "وكالة أسوشيتد برس"],
    "XINHUA": ["شينخوا", "شينغهوا", "وكالة شينخوا"],
    "ANADOLU": ["الأناضول", "وكالة الأناضول"],
    "WAM": ["وام", "وكالة أنباء الإمارات"],
    "SPA": ["واس", "وكالة الأنباء السعودية"],
    "QNA": ["قنا", "وكالة الأنباء القطرية"],
    "KUNA": ["كونا", "وكالة الأنباء الكويتية"],
    "PETRA": ["بترا", "وكالة الأنباء الأردنية"],
    "INA": ["واع", "وكالة الأنباء العراقية"],
    "MENA": ["وكالة أنباء الشرق الأوسط"],
    "NNA": ["الوكالة الوطنية للإعلام"],
    "KCNA": ["وكالة الأنباء المركزية الكورية"],
    "JAZEERA": ["قناة الجزيرة", "شبكة الجزيرة"],
    "ARABIYA": ["قناة العربية"],
    "BBC": ["بي بي سي"],
    "CNN": ["سي إن إن"],
    "MAYADEEN": ["الميادين"],
    "PRESSTV": ["برس تي في"],
    "ALALAM": ["قناة العالم"],
}
# Heads of government and armed-forces bodies; gazetteer.rs joins a following nationality adjective
# (وزارة الدفاع الروسية → org:ministry-defence:RU).
BODIES = {
    "ministry-defence": ["وزارة الدفاع"],
    "ministry-foreign": ["وزارة الخارجية"],
    "ministry-interior": ["وزارة الداخلية"],
    "ministry-finance": ["وزارة المالية"],
    "ministry-economy": ["وزارة الاقتصاد"],
    "ministry-oil": ["وزارة النفط"],
    "ministry-energy": ["وزارة الطاقة"],
    "ministry-health": ["وزارة الصحة"],
    "ministry-justice": ["وزارة العدل"],
    "ministry-intelligence": ["وزارة الاستخبارات", "وزارة الأمن"],
    "ministry-information": ["وزارة الإعلام"],
    "ministry-trade": ["وزارة التجارة"],
    "general-staff": ["هيئة الأركان العامة", "هيئة الأركان", "الأركان العامة", "رئاسة الأركان"],
    "armed-forces": ["القوات المسلحة"],
    "army": ["الجيش"],
    "air-force": ["القوات الجوية", "سلاح الجو"],
    "navy": ["القوات البحرية", "سلاح البحرية"],
    "aerospace-forces": ["القوات الجوفضائية", "القوات الجو فضائية"],
    "national-security-council": ["مجلس الأمن القومي"],
    "parliament": ["البرلمان", "مجلس النواب", "مجلس الشورى"],
    # The Duma is Russia's parliament only: one identity with «البرلمان الروسي», not with every parliament. Only with
    # its head: matching drops the article, and دوما alone is the Syrian town (88 mentions on the dev articles, all of
    # them the town, had been taken for a parliament).
    "parliament:RU": ["مجلس الدوما"],
    "government": ["الحكومة"],
    "presidency": ["الرئاسة"],
    "embassy": ["السفارة"],
    "military-cooperation-service": ["الهيئة الفيدرالية للتعاون العسكري والتقني", "إدارة التعاون العسكري والفني"],
}
for key, forms in ORGS.items():
    for f in forms:
        add("org", f"org:{key}", f)
for key, forms in AGENCIES.items():
    for f in forms:
        add("agency", f"org:agency:{key}", f)
for key, forms in BODIES.items():
    for f in forms:
        add("body", f"org:{key}", f)

# ---------------------------------------------------------------- filter common words with ANERcorp
path = ANERCORP if os.path.exists(ANERCORP) else ANERCORP_ALT
dropped = []
if os.path.exists(path):
    as_o = collections.Counter()
    as_entity = collections.Counter()
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if len(parts) < 2:
            continue
        tok, tag = norm(parts[0]), parts[-1]
        (as_o if tag == "O" else as_entity)[tok] += 1
    kept = []
    for kind, canonical, form in rows:
        n = norm(form)
        if kind in ("country", "city", "capital") and " " not in n and as_o[n] >= 3 and as_o[n] > as_entity[n]:
            dropped.append(form)
            continue
        kept.append((kind, canonical, form))
    rows = kept
print(f"dropped as common words per ANERcorp: {sorted(set(dropped))}", file=sys.stderr)

# ---------------------------------------------------------------- write
seen = set()
with open(OUT, "w", encoding="utf-8") as out:
    out.write("# Generated by assets/gazetteer/build.py from Debian iso-codes and Unicode CLDR (babel "
              f"{babel.__version__}); see that script. Do not edit by hand.\n")
    for kind, canonical, form in rows:
        key = (kind, canonical, norm(form))
        if key in seen:
            continue
        seen.add(key)
        out.write(f"{kind}\t{canonical}\t{form}\n")
print(f"{len(seen)} rows → {OUT}", file=sys.stderr)
