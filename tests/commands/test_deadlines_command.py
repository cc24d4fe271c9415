import argparse
import json
import subprocess
import sys
from io import StringIO

import pytest

from rrdesk.commands.deadlines import add_deadlines_parser, run_deadlines


def _run(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="rrdesk")
    add_deadlines_parser(parser.add_subparsers())
    args = parser.parse_args(["deadlines", *argv])
    out, err = StringIO(), StringIO()
    code = run_deadlines(args, out, err)
    return code, out.getvalue(), err.getvalue()


def test_text_output() -> None:
    code, out, err = _run("2026-12-21")
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert "Day 15  Thursday 14 January 2027  Decision sent to the National Panel" in lines
    assert "Day 0   Monday 21 December 2026  Notification sent" in lines
    assert out.count("The date the notification was sent is day 0") == 1
    assert "official GOV.UK list for 2012 to 2028" in out


def test_several_dates_and_a_profile() -> None:
    code, out, _ = _run("2026-12-21", "2027-03-22", "--profile", "tower-hamlets")
    assert code == 0
    assert "Tower Hamlets" in out
    assert "Day 10  Thursday 7 January 2027  Rapid Review Panel meeting (not booked yet)" in out
    assert "Notification sent Monday 22 March 2027" in out
    # Step 10 counts from the forms being sent: without --forms-sent it has no date.
    assert (
        "Later   8 working days after the agency check forms were sent (date not given)"
        "  Agency check forms returned" in out
    )


def test_tower_hamlets_step_10_counts_from_the_forms_sent() -> None:
    code, out, _ = _run("2026-12-21", "--profile", "tower-hamlets", "--forms-sent", "2026-12-21")
    assert code == 0
    assert (
        "Day 8   Tuesday 5 January 2027  Agency check forms returned "
        "(from Wednesday 30 December 2026) (8 working days after the agency check forms were"
        " sent)" in out
    )


def test_tower_hamlets_line_125_the_referral_a_week_after_a_cdop_discussion() -> None:
    code, out, _ = _run("2026-12-21", "--profile", "tower-hamlets", "--discussed", "2026-12-11")
    assert code == 0
    assert "Before  Friday 18 December 2026  Referral to the Rapid Review (within a week" in out


def test_meeting_prints_the_meeting_date_not_the_latest_day() -> None:
    code, out, _ = _run("2026-12-21", "--meeting", "2027-01-06")
    assert code == 0
    assert (
        "Day 9   Wednesday 6 January 2027  Rapid Review meeting (booked), by day 13, Tuesday 12"
        " January 2027, the latest the process expects it" in out.splitlines()
    )
    _, late, _ = _run("2026-12-21", "--profile", "tower-hamlets", "--meeting", "2027-01-08")
    assert (
        "Day 11  Friday 8 January 2027  Rapid Review Panel meeting (booked), later than day 10,"
        " Thursday 7 January 2027, the latest the process expects it" in late.splitlines()
    )


def test_a_meeting_not_booked_is_named_so_with_the_latest_day_not_as_held() -> None:
    """Without ``--meeting``, the meeting's line says it is not booked yet, on the latest day
    the process expects it, as the panel pack does: never the profile's "meeting held"."""
    code, out, _ = _run("2026-12-21")
    assert code == 0
    assert (
        "Day 13  Tuesday 12 January 2027  Rapid Review meeting (not booked yet)" in out.splitlines()
    )
    assert "held" not in out
    assert "(booked)" not in out


def test_json_carries_the_day_0_convention_and_the_meeting() -> None:
    code, out, _ = _run("2026-12-21", "--meeting", "2027-01-06", "--json")
    assert code == 0
    (data,) = json.loads(out)
    assert data["day_zero"] == "2026-12-21"
    assert data["day_zero_convention"] == (
        "The date the notification was sent is day 0; day N is the Nth working day after it."
    )
    assert (data["meeting_date"], data["meeting_working_day"]) == ("2027-01-06", 9)


def test_meeting_based_milestones() -> None:
    code, out, _ = _run("2026-12-21", "--profile", "wolverhampton", "--meeting", "2027-01-08")
    assert code == 0
    assert (
        "Day 13  Tuesday 12 January 2027  National Panel told of the recommendation "
        "(2 working days after the Rapid Review meeting)" in out
    )
    assert "Later   2 working days after the referral (date not given)" in out


def test_a_date_beyond_the_official_list_warns() -> None:
    code, out, _ = _run("2028-12-20")
    assert code == 0
    assert "Warning: 15 January 2029 is after 31 December 2028" in out


def test_json_output() -> None:
    code, out, _ = _run("2026-12-21", "2027-01-04", "--json")
    assert code == 0
    data = json.loads(out)
    assert [item["notification_date"] for item in data] == ["2026-12-21", "2027-01-04"]
    first = data[0]
    assert first["profile"] == "statutory"
    decision = next(m for m in first["milestones"] if m["key"] == "decision_to_national_panel")
    assert decision == {
        "key": "decision_to_national_panel",
        "label": "Decision sent to the National Panel",
        "profile_label": "Decision sent to the National Panel",
        "working_day": 15,
        "due": "2027-01-14",
        "counted_from": "notification",
        "earliest": None,
        "review_day": 15,
        "beyond_official_calendar": False,
    }


def _json_meeting(*argv: str) -> dict[str, object]:
    code, out, _ = _run("2026-12-21", *argv, "--json")
    assert code == 0
    (data,) = json.loads(out)
    meeting: dict[str, object] = next(
        m for m in data["milestones"] if m["key"] == "rapid_review_meeting"
    )
    return meeting


def _text_line(*argv: str) -> str:
    _, out, _ = _run("2026-12-21", *argv)
    return next(line for line in out.splitlines() if "meeting (" in line)


@pytest.mark.parametrize(
    ("argv", "label", "profile_label"),
    [
        ((), "Rapid Review meeting (not booked yet)", "Rapid Review meeting held"),
        (
            ("--meeting", "2027-01-06"),
            "Rapid Review meeting (booked)",
            "Rapid Review meeting held",
        ),
        (
            ("--profile", "leeds"),
            "Review Advisory Group meeting (not booked yet)",
            "Review Advisory Group meets and recommends",
        ),
    ],
    ids=["not booked", "booked", "the partnership's name for it"],
)
def test_json_words_the_meeting_as_the_text_does(
    argv: tuple[str, ...], label: str, profile_label: str
) -> None:
    """The meeting's ``label`` is its own wording, as the text, the board and the panel pack
    word it, never the profile's ("meeting held"); the profile's is kept in ``profile_label``."""
    meeting = _json_meeting(*argv)
    assert (meeting["label"], meeting["profile_label"]) == (label, profile_label)
    assert f"  {label}" in _text_line(*argv)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("2026-13-21",), "'2026-13-21' is not a date in the form YYYY-MM-DD"),
        (("21/12/2026",), "not a date in the form YYYY-MM-DD"),
        (("2026-12-21", "--profile", "nowhere"), "There is no process profile called 'nowhere'"),
        (("2026-12-21", "2026-12-22", "--meeting", "2027-01-08"), "one date only"),
        (("2100-12-30",), "beyond the years rrdesk handles"),
        (("2005-01-10",), "outside the years rrdesk handles"),
    ],
    ids=[
        "impossible date",
        "wrong format",
        "unknown profile",
        "meeting with two dates",
        "too late",
        "too early",
    ],
)
def test_bad_input_is_exit_2_with_one_plain_line(argv: tuple[str, ...], message: str) -> None:
    code, out, err = _run(*argv)
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err


def test_the_command_imports_no_qt_and_opens_no_store() -> None:
    script = (
        "import sys, io, argparse\n"
        "from rrdesk.commands.deadlines import add_deadlines_parser, run_deadlines\n"
        "p = argparse.ArgumentParser(); add_deadlines_parser(p.add_subparsers())\n"
        "run_deadlines(p.parse_args(['deadlines', '2026-12-21']), io.StringIO())\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'sqlcipher3', 'requests')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_python_dash_m_rrdesk_deadlines() -> None:
    script = (
        "import sys, runpy\n"
        "sys.argv = ['rrdesk', 'deadlines', '2026-12-21']\n"
        "try:\n"
        "    runpy.run_module('rrdesk', run_name='__main__')\n"
        "except SystemExit as done:\n"
        "    assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "    raise\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Day 15  Thursday 14 January 2027  Decision sent to the National Panel" in done.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "rrdesk", "deadlines", "2026-12-32"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert len(bad.stderr.splitlines()) == 1
    assert "Traceback" not in bad.stderr


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """`rrdesk deadlines … --json | head` must end quietly when head stops reading."""
    dates = [f"2026-{month:02d}-{day:02d}" for month in range(1, 13) for day in range(1, 29)]
    process = subprocess.Popen(
        [sys.executable, "-m", "rrdesk", "deadlines", *dates, "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stdout.read(10).startswith(b"[")
    process.stdout.close()
    _out, err = process.communicate(timeout=60)
    assert b"Traceback" not in err
    assert err == b""
    assert process.returncode == 1
