// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "messagebanner.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

#include <utility>

namespace {

// Kept to a handful of lines on screen; the whole list is selectable text behind the toggle.
constexpr int detailLinesShown = 12;

} // namespace

MessageBanner::MessageBanner(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    m_icon = new QLabel(this);
    layout->addWidget(m_icon, 0, 0, Qt::AlignTop);
    m_headline = new QLabel(this);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_headline, 0, 1);
    m_detailsButton = new QToolButton(this);
    m_detailsButton->setText(tr("Details"));
    m_detailsButton->setCheckable(true);
    connect(m_detailsButton, &QToolButton::toggled, this, &MessageBanner::toggleDetails);
    layout->addWidget(m_detailsButton, 0, 3, Qt::AlignTop);
    m_actionButton = new QPushButton(this);
    m_actionButton->setVisible(false);
    connect(m_actionButton, &QPushButton::clicked, this, &MessageBanner::triggerAction);
    layout->addWidget(m_actionButton, 0, 2, Qt::AlignTop);
    auto* close = new QToolButton(this);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Dismiss"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    layout->addWidget(close, 0, 4, Qt::AlignTop);
    m_detailText = new QLabel(this);
    m_detailText->setWordWrap(true);
    m_detailText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailText->setVisible(false);
    layout->addWidget(m_detailText, 1, 1, 1, 4);
    layout->setColumnStretch(1, 1);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString& headline, const QStringList& details)
{
    m_kind = kind;
    m_details = details;
    m_action = nullptr;
    m_actionButton->setVisible(false);
    // Tinted from the palette's own colours so that a dark theme gets a dark banner.
    const QColor tint = kind == Kind::Error ? QColor(220, 50, 47)
        : kind == Kind::Warning             ? QColor(203, 140, 0)
                                            : palette().color(QPalette::Highlight);
    QColor background = palette().color(QPalette::Window);
    background = QColor::fromRgbF(background.redF() * 0.82f + tint.redF() * 0.18f,
        background.greenF() * 0.82f + tint.greenF() * 0.18f, background.blueF() * 0.82f + tint.blueF() * 0.18f);
    setStyleSheet(QStringLiteral("QFrame#messageBanner { background: %1; border: 1px solid %2; border-radius: 4px; }")
                      .arg(background.name(), tint.name()));
    const QStyle::StandardPixmap icon = kind == Kind::Error ? QStyle::SP_MessageBoxCritical
        : kind == Kind::Warning                             ? QStyle::SP_MessageBoxWarning
                                                            : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    m_headline->setText(headline);
    QStringList shown = details.mid(0, detailLinesShown);
    if (details.size() > detailLinesShown)
        shown << tr("… and %1 more").arg(details.size() - detailLinesShown);
    m_detailText->setText(shown.join(QLatin1Char('\n')));
    m_detailsButton->setVisible(!details.isEmpty());
    m_detailsButton->setChecked(false);
    m_detailText->setVisible(false);
    show();
}

void MessageBanner::setAction(const QString& text, std::function<void()> onClicked)
{
    m_action = std::move(onClicked);
    m_actionButton->setText(text);
    m_actionButton->setVisible(m_action != nullptr);
}

QString MessageBanner::actionText() const
{
    return m_action ? m_actionButton->text() : QString();
}

void MessageBanner::triggerAction()
{
    if (!m_action)
        return;
    const auto action = std::exchange(m_action, nullptr);
    m_actionButton->setVisible(false);
    hide();
    action();
}

QString MessageBanner::headline() const
{
    return m_headline->text();
}

void MessageBanner::toggleDetails()
{
    m_detailText->setVisible(m_detailsButton->isChecked());
}
