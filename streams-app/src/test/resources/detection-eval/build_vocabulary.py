#!/usr/bin/env python3
"""Rebuilds the quality check's word lists (src/main/resources/news/wiretranslation/quality/vocabulary/<lang>.txt)
from the dev and test files of the CC BY-SA Universal Dependencies treebanks of build_sample.py, for the languages
of LISTED (the committed lists). A word is listed, lower case, when it occurs
written in lower case: names, written capitalised, stay out. Usage: build_vocabulary.py [MIRROR_DIR]
"""
import collections
import os
import subprocess
import sys

from build_sample import TREEBANKS

# The languages that have a list. The lists were built when el, he, it, pl and uk came from non-commercial (CC BY-NC-SA)
# treebanks, which were left out; their CC BY-SA replacements (build_sample.py) could give el, it, pl and uk lists
# (he, ar and the scripts without spaces have no lower-case words), but a new list changes the untranslated-fragment
# check's results: add a language here only with a rerun of exec:exec@untranslated-report and docs/detection.md.
LISTED = {"cs", "da", "de", "en", "es", "fi", "fr", "id", "lt", "lv", "nb", "nl", "pt", "ro", "ru", "sk", "sl", "sv",
          "tr", "vi"}

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "../../../main/resources/news/wiretranslation/quality/vocabulary")


def main():
    mirror = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror"
    for language, (treebank, _, licence) in sorted(TREEBANKS.items()):
        if "NC" in licence or language not in LISTED:
            continue
        repo = f"{mirror}/UniversalDependencies+UD_{treebank}/repo"
        files = subprocess.run(["git", "-C", repo, "ls-tree", "--name-only", "HEAD"], check=True, capture_output=True,
                               text=True).stdout.split()
        counts = collections.Counter()
        for name in files:
            if not (name.endswith("-dev.conllu") or name.endswith("-test.conllu")):
                continue
            shown = subprocess.run(["git", "-C", repo, "show", f"HEAD:{name}"], capture_output=True, text=True)
            for line in shown.stdout.splitlines():
                fields = line.split("\t")
                if len(fields) > 1 and fields[0].isdigit():
                    form = fields[1]
                    if form[:1].islower() and form.isalpha():
                        counts[form] += 1
        words = sorted(counts)
        if len(words) < 500:  # scripts without spaces (ja, zh, th): no words to list
            continue
        with open(os.path.join(OUT, f"{language}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(words) + "\n")
        print(language, treebank, licence, len(words))


if __name__ == "__main__":
    main()
