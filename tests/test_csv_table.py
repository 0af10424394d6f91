"""CSV tables as the exports and `nnviz report` write them."""

import csv

import numpy as np

from nnviz.csv_table import write_csv


def read(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_a_matrix_a_column_and_a_list_of_rows(tmp_path):
    write_csv(tmp_path / "m.csv", None, np.array([[1.5, np.nan], [np.inf, 2.0]]))
    assert read(tmp_path / "m.csv") == [["1.5", ""], ["", "2.0"]]
    write_csv(tmp_path / "c.csv", ["loss"], np.array([0.25, 0.125]))
    assert read(tmp_path / "c.csv") == [["loss"], ["0.25"], ["0.125"]]
    write_csv(tmp_path / "r.csv", ["digit", "accuracy", "n"], [[3, 0.987654321, 1010]])
    assert read(tmp_path / "r.csv") == [["digit", "accuracy", "n"], ["3", "0.987654321", "1010"]]
