#!/usr/bin/env python3
"""Rebuilds the language-detection evaluation set (paragraphs.tsv, headlines.tsv) from Universal Dependencies
treebanks. Usage: build_sample.py [MIRROR_DIR]

MIRROR_DIR holds one bare clone per treebank, named UniversalDependencies+UD_<Name>/repo (what the workplace's
fetch tool brings; `git clone --bare https://github.com/UniversalDependencies/UD_<Name> .../repo` does as well).
Only the `# text =` lines are read. The sample is deterministic: evenly spaced over the file, no randomness.
"""
import sys
import subprocess

PER_KIND = 60
# language -> (treebank, file, licence as its README and LICENSE.txt state it). Only licences that allow commercial
# use (CC BY, CC BY-SA): this set is part of a commercial product's repository. Not evaluated, for want of such a
# source (see README.md): bg (UD_Bulgarian-BTB is CC BY-NC-SA 3.0, the only Bulgarian UD treebank found), et (UD_Estonian-EDT
# is CC BY-NC-SA 4.0; UD_Estonian-EWT's README says CC BY-NC-SA 4.0 and its LICENSE.txt CC BY-SA 4.0), hu
# (UD_Hungarian-Szeged is CC BY-NC-SA 3.0, the only Hungarian UD treebank found).
TREEBANKS = {
    "ar": ("Arabic-PUD", "ar_pud-ud-test.conllu", "CC BY-SA 3.0"),
    "cs": ("Czech-CAC", "cs_cac-ud-test.conllu", "CC BY-SA 4.0"),
    "da": ("Danish-DDT", "da_ddt-ud-test.conllu", "CC BY-SA 4.0"),
    "de": ("German-GSD", "de_gsd-ud-test.conllu", "CC BY-SA 4.0"),
    "el": ("Greek-GUD", "el_gud-ud-test.conllu", "CC BY-SA 4.0"),
    "en": ("English-EWT", "en_ewt-ud-test.conllu", "CC BY-SA 4.0"),
    "es": ("Spanish-GSD", "es_gsd-ud-test.conllu", "CC BY-SA 4.0"),
    "fi": ("Finnish-TDT", "fi_tdt-ud-test.conllu", "CC BY-SA 4.0"),
    "fr": ("French-GSD", "fr_gsd-ud-test.conllu", "CC BY-SA 4.0"),
    "he": ("Hebrew-IAHLTwiki", "he_iahltwiki-ud-test.conllu", "CC BY-SA 4.0"),
    "id": ("Indonesian-GSD", "id_gsd-ud-test.conllu", "CC BY-SA 4.0"),
    "it": ("Italian-PUD", "it_pud-ud-test.conllu", "CC BY-SA 3.0"),
    "ja": ("Japanese-GSD", "ja_gsd-ud-test.conllu", "CC BY-SA 4.0"),
    "ko": ("Korean-GSD", "ko_gsd-ud-test.conllu", "CC BY-SA 4.0"),
    "lt": ("Lithuanian-ALKSNIS", "lt_alksnis-ud-test.conllu", "CC BY-SA 4.0"),
    "lv": ("Latvian-LVTB", "lv_lvtb-ud-dev.conllu", "CC BY-SA 4.0"),
    "nb": ("Norwegian-Bokmaal", "no_bokmaal-ud-test.conllu", "CC BY-SA 4.0"),
    "nl": ("Dutch-Alpino", "nl_alpino-ud-test.conllu", "CC BY-SA 4.0"),
    "pl": ("Polish-PUD", "pl_pud-ud-test.conllu", "CC BY-SA 4.0"),
    "pt": ("Portuguese-Bosque", "pt_bosque-ud-test.conllu", "CC BY-SA 4.0"),
    "ro": ("Romanian-RRT", "ro_rrt-ud-test.conllu", "CC BY-SA 4.0"),
    "ru": ("Russian-GSD", "ru_gsd-ud-test.conllu", "CC BY-SA 4.0"),
    "sk": ("Slovak-SNK", "sk_snk-ud-test.conllu", "CC BY-SA 4.0"),
    "sl": ("Slovenian-SSJ", "sl_ssj-ud-test.conllu", "CC BY-SA 4.0"),
    "sv": ("Swedish-Talbanken", "sv_talbanken-ud-test.conllu", "CC BY-SA 4.0"),
    "th": ("Thai-PUD", "th_pud-ud-test.conllu", "CC BY-SA 3.0"),
    "tr": ("Turkish-BOUN", "tr_boun-ud-test.conllu", "CC BY-SA 4.0"),
    "uk": ("Ukrainian-ParlaMint", "uk_parlamint-ud-test.conllu", "CC BY-SA 4.0"),
    "vi": ("Vietnamese-VTB", "vi_vtb-ud-test.conllu", "CC BY-SA 4.0"),
    "zh": ("Chinese-GSD", "zh_gsd-ud-test.conllu", "CC BY-SA 4.0"),
}
# Scripts without spaces between words carry more per character.
DENSE = {"ja", "zh", "th", "ko"}


def read(mirror, treebank, file):
    repo = f"{mirror}/UniversalDependencies+UD_{treebank}/repo"
    conllu = subprocess.run(["git", "-C", repo, "show", f"HEAD:{file}"], check=True, capture_output=True,
                            text=True).stdout
    commit = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], check=True, capture_output=True,
                            text=True).stdout.strip()
    groups, sentences, sent_id = [], [], None
    marks = "# newpar" in conllu and "# newpar" or ("# newdoc" in conllu and "# newdoc" or None)
    for line in conllu.splitlines():
        if marks and line.startswith(marks) and sentences:
            groups.append(sentences)
            sentences = []
        elif line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text =") or line.startswith("# text="):  # not # text_en, a translation
            text = " ".join(line.split("=", 1)[1].split())
            if text:
                sentences.append((sent_id, text))
    if sentences:
        groups.append(sentences)
    if marks and len(groups) * 2 > sum(len(g) for g in groups):
        # A marker on (nearly) every sentence (Japanese GSD: one document a sentence) makes no paragraphs.
        groups, marks = [[s for g in groups for s in g]], None
    return groups, commit, marks


def paragraphs(groups, dense):
    low, high = (80, 400) if dense else (200, 900)
    found = []
    for group in groups:
        current = []
        for sentence in group:
            current.append(sentence)
            length = len(" ".join(t for _, t in current))
            if length >= low and len(current) >= 2:
                if length <= high:
                    found.append(current)
                current = []
    return found


def spaced(items, count):
    if len(items) <= count:
        return items
    return [items[i * len(items) // count] for i in range(count)]


def main():
    mirror = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror"
    out_paragraphs, out_headlines, provenance = [], [], []
    for language, (treebank, file, licence) in sorted(TREEBANKS.items()):
        groups, commit, marks = read(mirror, treebank, file)
        dense = language in DENSE
        chosen = spaced(paragraphs(groups, dense), PER_KIND)
        used = {sid for paragraph in chosen for sid, _ in paragraph}
        low, high = (10, 50) if dense else (25, 100)
        short = [(sid, t) for group in groups for sid, t in group if sid not in used and low <= len(t) <= high]
        lines = spaced(short, PER_KIND)
        for paragraph in chosen:
            out_paragraphs.append(f"{language}\tUD_{treebank}:{paragraph[0][0]}\t{' '.join(t for _, t in paragraph)}")
        for sid, text in lines:
            out_headlines.append(f"{language}\tUD_{treebank}:{sid}\t{text}")
        provenance.append(f"| {language} | UD_{treebank} | {file} | {commit[:12]} | {licence} | "
                          f"{marks[2:] if marks else 'none'} | {len(chosen)} | {len(lines)} |")
    header = "language\tsource\ttext\n"
    with open("paragraphs.tsv", "w", encoding="utf-8") as f:
        f.write(header + "\n".join(out_paragraphs) + "\n")
    with open("headlines.tsv", "w", encoding="utf-8") as f:
        f.write(header + "\n".join(out_headlines) + "\n")
    print("\n".join(provenance))


if __name__ == "__main__":
    main()
