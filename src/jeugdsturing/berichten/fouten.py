# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""One error type for everything wrong with an incoming message: it names the file,
message type, element (a readable path such as 'Client/StartProducten/StartProduct/
Begindatum'), the value, the line and the reason."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Afkeuring:
    file: str
    message_type: str | None
    element: str | None
    value: str | None
    line: int | None
    reason: str

    def __post_init__(self) -> None:
        # Values of personal elements (BSN, names, addresses) never leave the border.
        from jeugdsturing.berichten.privacy import MASKER, is_persoonlijk, maskeer_reden

        if is_persoonlijk(self.element):
            if self.value is not None:
                object.__setattr__(self, "value", MASKER)
            object.__setattr__(self, "reason", maskeer_reden(self.reason))

    def as_dict(self) -> dict[str, str | int | None]:
        return asdict(self)

    def __str__(self) -> str:
        where = ", ".join(
            part
            for part in (
                self.file,
                self.message_type,
                f"regel {self.line}" if self.line else None,
                self.element,
                f"waarde '{self.value}'" if self.value is not None else None,
            )
            if part
        )
        return f"{where}: {self.reason}"


class BerichtFout(Exception):
    """Raised when a message cannot be accepted; carries every problem found."""

    def __init__(self, afkeuringen: list[Afkeuring]) -> None:
        if not afkeuringen:
            raise ValueError("BerichtFout zonder afkeuringen")
        super().__init__("; ".join(str(a) for a in afkeuringen))
        self.afkeuringen = afkeuringen
