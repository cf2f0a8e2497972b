"""The ladder's backdrop: each rung's tinted band with its tier's name and hint, and the
recommended-path arrows between the cards; all in the scene, under the cards the view places.
Colours come from the theme, so a palette change redraws it in the new colours.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene

from studyplanner.domain.catalog import Tier
from studyplanner.i18n import N_
from studyplanner.labels import TranslatedLabels
from studyplanner.style import Colour
from studyplanner.ui.canvas.ladder_card import CardMetrics, CertificationCard
from studyplanner.ui.widgets.theme import ink, tier_ink

TIER_HINT = TranslatedLabels(
    {
        Tier.FOUNDATIONAL: N_("no hands-on\nexperience needed"),
        Tier.ASSOCIATE: N_("about 1–2 years\non AWS"),
        Tier.PROFESSIONAL: N_("2+ years\non AWS"),
        Tier.SPECIALTY: N_("off the linear path:\ndeep domain skills, best\nafter Associate level"),
    }
)


class LadderBackdrop:
    """Draws the rungs, their names and the arrows into ``scene``, sized by ``metrics``."""

    BAND_ALPHA = 18
    """How strongly a rung is tinted with its tier's colour."""

    def __init__(self, scene: QGraphicsScene, metrics: CardMetrics) -> None:
        self.scene = scene
        self.metrics = metrics

    def rung(self, rect: QRectF, tier: Tier) -> None:
        scene = self.scene
        color = tier_ink(tier)
        band = QColor(color)
        if tier is Tier.SPECIALTY:
            band.setAlpha(14)
            pen = QPen(QColor(color.red(), color.green(), color.blue(), 120), 1.2)
            pen.setStyle(Qt.PenStyle.DashLine)
            scene.addRect(rect, pen, band).setZValue(0)
            return
        band.setAlpha(self.BAND_ALPHA)
        scene.addRect(rect, QPen(Qt.PenStyle.NoPen), band).setZValue(0)
        edge = QColor(color)
        edge.setAlpha(160)
        scene.addRect(
            QRectF(rect.left(), rect.top(), 4, rect.height()), QPen(Qt.PenStyle.NoPen), edge
        )

    def label(self, tier: Tier, x: float, y: float, hint: str | None = None) -> float:
        """The tier's name with its hint under it; returns the y below them."""
        m = self.metrics
        heading = self.text(tier.label.upper(), x, y, m.heading_font, tier_ink(tier))
        below = y + heading.boundingRect().height() + 4 * m.unit
        text = self.text(hint or TIER_HINT[tier], x, below, m.hint_font, ink(Colour.MUTED_TEXT))
        return below + text.boundingRect().height()

    def heading_line(self, tier: Tier, x: float, y: float, hint: str) -> None:
        """The tier's name and its hint on one line, on the rung's own colour, so that an
        arrow passing on its way up goes behind the words instead of through them."""
        m = self.metrics
        heading = self.text(tier.label.upper(), x, y, m.heading_font, tier_ink(tier))
        hint_x = x + heading.boundingRect().width() + 12 * m.unit
        hint_item = self.text(hint, hint_x, y, m.hint_font, ink(Colour.MUTED_TEXT))
        # baseline-align the smaller hint with the heading
        delta = QFontMetricsF(m.heading_font).ascent() - QFontMetricsF(m.hint_font).ascent()
        hint_item.setY(y + delta)
        words = heading.sceneBoundingRect().united(hint_item.sceneBoundingRect())
        backing = self.scene.addRect(
            words.adjusted(-3, -1, 3, 1), QPen(Qt.PenStyle.NoPen), self.band_fill(tier)
        )
        backing.setZValue(0.75)  # over the arrows (0.5), under the words (1)

    def band_fill(self, tier: Tier) -> QColor:
        """The opaque colour of ``tier``'s rung: its tint over the canvas."""
        canvas, tint = ink(Colour.CANVAS), tier_ink(tier)
        share = self.BAND_ALPHA / 255

        def mix(a: float, b: float) -> float:
            return a + (b - a) * share

        return QColor.fromRgbF(
            mix(canvas.redF(), tint.redF()),
            mix(canvas.greenF(), tint.greenF()),
            mix(canvas.blueF(), tint.blueF()),
        )

    def text(self, text: str, x: float, y: float, font: QFont, color: QColor) -> QGraphicsItem:
        item = self.scene.addSimpleText(text, font)
        item.setBrush(color)
        item.setPos(x, y)
        item.setZValue(1)
        return item

    def arrows(self, cards: dict[str, CertificationCard]) -> None:
        color = ink(Colour.FAINT)
        pen = QPen(color, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        for cert_id, card in cards.items():
            for target_id in card.cert.next_steps:
                target = cards.get(target_id)
                if target is None or target.cert.tier is Tier.SPECIALTY:
                    continue  # Specialty sits beside the path: its details name what comes first
                curve, head = self.arrow_paths(self.card_rect(card), self.card_rect(target))
                line = QGraphicsPathItem(curve)
                line.setPen(pen)
                line.setZValue(0.5)  # under the tier names it may cross
                line.setData(0, f"{cert_id}->{target_id}")
                tip = QGraphicsPathItem(head, line)
                tip.setPen(QPen(Qt.PenStyle.NoPen))
                tip.setBrush(color)
                self.scene.addItem(line)

    def card_rect(self, card: CertificationCard) -> QRectF:
        """The card itself in scene coordinates (its bounding rect has room for the ring)."""
        return QRectF(
            card.pos(),
            QPointF(card.pos().x() + self.metrics.width, card.pos().y() + self.metrics.height),
        )

    @staticmethod
    def arrow_paths(src: QRectF, dst: QRectF) -> tuple[QPainterPath, QPainterPath]:
        """A curve from the top of ``src`` to the bottom of ``dst``, and its arrow head."""
        start = QPointF(src.center().x(), src.top() + 2)
        end = QPointF(dst.center().x(), dst.bottom() + 1)
        mid = (start.y() + end.y()) / 2
        c1 = QPointF(start.x(), mid)
        c2 = QPointF(end.x(), mid)
        curve = QPainterPath(start)
        curve.cubicTo(c1, c2, QPointF(end.x(), end.y() + 6))
        head = QPainterPath(end)
        head.lineTo(QPointF(end.x() - 4.5, end.y() + 8))
        head.lineTo(QPointF(end.x() + 4.5, end.y() + 8))
        head.closeSubpath()
        return curve, head
