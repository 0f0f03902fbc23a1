# SPDX-License-Identifier: MIT
"""Names in other romanisations than the personography's: pinyin as Wade-Giles spells it,
Russian names in the other transliterations of Cyrillic."""

import pytest

from tei_transcripts.romanisation import palladius, russian_spellings, syllables, wade_giles


@pytest.mark.parametrize(
    "pinyin, spellings",
    [
        ("Mao Zedong", {"Mao Tse-tung"}),
        ("Zhou Enlai", {"Chou En-lai"}),
        ("Liu Shaoqi", {"Liu Shao-ch'i", "Liu Shao-chi"}),
        ("Zhu De", {"Chu Te", "Chu Teh"}),
        ("Nie Rongzhen", {"Nieh Jung-chen"}),
        ("Wu Xiuquan", {"Wu Hsiu-ch'üan", "Wu Hsiu-chüan"}),  # "ü" after j, q, x
        ("Li Kenong", {"Li K'o-nung", "Li Ko-nung"}),  # "ke" is "k'o"
        ("Luo Ronghuan", {"Lo Jung-huan"}),  # "uo" is "o" after "l"
        ("Kang Sheng", {"K'ang Sheng"}),  # without the apostrophe it is the pinyin
        ("Sun Yat-sen", set()),  # Cantonese, no pinyin
        ("Saifuddin Azizi", set()),
        ("Kim Il Sung", set()),  # three words
    ],
)
def test_pinyin_names_as_wade_giles_spells_them(pinyin, spellings):
    assert set(wade_giles(pinyin)) == spellings


@pytest.mark.parametrize(
    "pinyin, spellings",
    [
        ("Mao Zedong", {"Mao Tszedun"}),
        ("Zhou Enlai", {"Chzhou Enlai"}),
        ("Liu Shaoqi", {"Lyu Shaotsi"}),
        ("Wang Jiaxiang", {"Van Tszyasyan"}),
        ("Peng Dehuai", {"Pen Dekhuai", "Pen Dehuai"}),  # "kh" and the "h" English texts leave
        ("Deng Xiaoping", {"Den Syaopin"}),
        ("Chen Yun", set()),  # the same in both
    ],
)
def test_pinyin_names_as_russian_papers_spell_them(pinyin, spellings):
    assert set(palladius(pinyin)) == spellings


def test_a_pinyin_word_parts_into_syllables_each_after_the_first_with_an_initial():
    assert syllables("enlai") == [("", "en"), ("l", "ai")]
    assert syllables("jianying") == [("j", "ian"), ("y", "ing")]
    assert syllables("stalin") is None


@pytest.mark.parametrize(
    "name, spellings",
    [
        ("Vyshinskii", {"Vyshinsky", "Vyshinskiy", "Vyshinski"}),
        ("Kovalev", {"Kovalyov"}),
        ("Yudin", {"Iudin"}),
        ("Panyushkin", {"Paniushkin"}),
        ("Khrushchev", {"Khruschev", "Khrushchyov", "Khruschyov"}),
        ("Razuvaev", set()),  # "ev" after a vowel is no "ё"
        ("Molotov", set()),
        ("Andrei Gromyko", set()),  # a family name alone
    ],
)
def test_russian_family_names_in_other_transliterations(name, spellings):
    assert set(russian_spellings(name)) == spellings
