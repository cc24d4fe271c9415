"""The coordinator's day walk's hands and eyes: each step kept as a screenshot for a person to
look through, and the ways the walk finds a box, a radio button or a button on screen."""

from __future__ import annotations

import shutil
import subprocess
import time

from PIL import Image

from tests.services.agency_forms.pack_reading import pack_pages
from tests.walks.screen_reading import KEYBOARD_YELLOW, Word, main_buttons
from tests.walks.walker import ROOT, Walker

SCREENS = ROOT / "tests" / "walks" / "screens" / "coordinator-day"
# A box to type in (resources/style.qss): white in a dark line, pale yellow with the keyboard.
BOX_LINE, WHITE, FOCUSED_BOX = (0x0B, 0x0C, 0x0C), (0xFF, 0xFF, 0xFF), (0xFF, 0xFD, 0xF0)


class Day:
    """The walk's steps, each kept as a screenshot."""

    def __init__(self, walker: Walker) -> None:
        self.walker = walker
        self.screens = SCREENS / walker.size
        shutil.rmtree(self.screens, ignore_errors=True)
        self.screens.mkdir(parents=True)
        self.step = 0
        self.rows: dict[str, Word] = {}

    def keep(self, name: str) -> str:
        """Screenshot the step for a person to look at; the words on screen."""
        self.step += 1
        shot = self.walker.shot(name)
        shutil.copy(shot, self.screens / f"{self.step:02d}-{name}.png")
        return self.walker.read()

    def pack_pages(self, name: str) -> list[str]:
        """The words of each page of a PDF the app saved under the person's home folder, as
        its reader reads them; each page kept beside the screenshots, to look through too."""
        found = sorted(self.walker.home.rglob(name))
        assert found, f"{name!r} was not saved under {self.walker.home}"
        self.step += 1
        pictures = self.screens / f"{self.step:02d}-pdf"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", str(found[0]), str(pictures)],
            check=True,
            timeout=60,
        )
        return pack_pages(found[0].read_bytes())

    def word(self, text: str, *, below: int = 0, above: int = 10_000, right_of: int = 0) -> Word:
        """The first word on screen containing ``text``, between two heights and right of a
        point."""
        for _ in range(20):
            for word in self.walker.words():
                if text in word.text and below <= word.top <= above and word.left >= right_of:
                    return word
            time.sleep(0.5)
        raise AssertionError(f"{text!r} is not on screen:\n{self.walker.read()}")

    def click_below(self, *label: str, by: int) -> None:
        """Click the box ``by`` pixels under a field's label."""
        found = self.walker.find(*label)
        assert found, f"{' '.join(label)!r} is not on screen:\n{self.walker.read()}"
        self.walker.click(found[0].left + 60, found[0].top + by)

    def box_under(self, x: int, y: int) -> int:
        """The middle height of the first empty box to type in below a point, looking straight
        down: its dark line, then its white inside."""
        with Image.open(self.walker.shot()) as screen:
            picture = screen.convert("RGB")
        column = [picture.getpixel((x, down)) for down in range(y, picture.height)]
        for at in range(1, len(column)):
            if column[at - 1] == BOX_LINE and column[at] == WHITE:
                inside = next(
                    (n for n in range(at, len(column)) if column[n] != WHITE), len(column)
                )
                if inside - at >= 15:
                    return y + (at + inside) // 2
        raise AssertionError(f"no box to type in under {x}, {y}:\n{self.walker.read()}")

    def click_box(self, x: int, y: int) -> None:
        """Click a box to type in, and see that it has the keyboard: a box with the keyboard
        is filled with pale yellow (a click beside it would leave the typing elsewhere)."""
        self.walker.click(x, y)
        with Image.open(self.walker.shot()) as screen:
            colour = screen.convert("RGB").getpixel((x, y))
        assert colour == FOCUSED_BOX, f"the box at {x}, {y} did not take the keyboard ({colour})"

    def choose(self, *option: str) -> None:
        """Click a radio button or a check box on its circle or square, left of its words (the
        last place they are)."""
        found = self.walker.find(*option)
        assert found, f"{' '.join(option)!r} is not on screen:\n{self.walker.read()}"
        self.walker.click(found[-1].left - 12, found[-1].centre[1])

    def page_button(self) -> None:
        """The question page's main button (Continue, Save case), under the page beside Back:
        the house-coloured button lowest on the screen, right of the sections list, found by
        its colour (the reader does not read its light words)."""
        self.walker.click(*self.main_button().centre)

    def tab_to_main_button(self, *, right_of: int, most: int) -> None:
        """Press Tab until the house-coloured button right of a point has the keyboard (it
        turns yellow), as a person watching the screen does, at most ``most`` times."""
        for _ in range(most):
            self.walker.key("Tab")
            shot = self.walker.shot()
            if any(b.left >= right_of for b in main_buttons(shot, (KEYBOARD_YELLOW,))):
                return
        raise AssertionError(f"Tab never reached the main button:\n{self.walker.read()}")

    def main_button(self, *, right_of: int = 215) -> Word:
        """The lowest house-coloured button right of a point (the sections list, by default)."""
        for _ in range(20):
            found = [b for b in main_buttons(self.walker.shot()) if b.left >= right_of]
            if found:
                return max(found, key=lambda button: button.top)
            time.sleep(0.5)
        raise AssertionError(f"no house-coloured button on screen:\n{self.walker.read()}")

    def continue_under(self) -> None:
        """An agency form's Continue: the house-coloured button right of Back, under the
        question (the reader does not read its light words, but reads Back); if the reader
        misses Back too, the highest house-coloured button under the form's header."""
        back = self.walker.find("Back", where=lambda w: w.top > 150 and w.left > 215)
        if back:
            button = back[-1]
            self.walker.click(button.left + button.width + 75, button.centre[1])
            return
        buttons = [b for b in main_buttons(self.walker.shot()) if b.top > 150 and b.left > 215]
        assert buttons, f"no Back or Continue button on screen:\n{self.walker.read()}"
        self.walker.click(*min(buttons, key=lambda b: b.top).centre)

    def select(self, agency: str) -> None:
        """Click an agency's row in the requests table, which takes the keyboard from the
        buttons (the reader cannot read a button in the yellow of the keyboard's focus). A
        selected row's light words are not read either: its place is remembered."""
        found = self.walker.find(*agency.split())
        if found:
            self.rows[agency] = found[0]
        assert agency in self.rows, f"{agency} is not on screen:\n{self.walker.read()}"
        self.walker.click(*self.rows[agency].centre)

    def press(self, agency: str, *button: str) -> None:
        """Select an agency's row, then click a button: the last place its words are, below
        the summary ("1 quality assured") and the table."""
        self.select(agency)
        found = self.walker.find(*button)
        assert found, f"{' '.join(button)!r} is not on screen:\n{self.walker.read()}"
        self.walker.click(*found[-1].centre)
        self.walker.focus()
