// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QFrame>
#include <QStringList>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

/// A dismissable strip above the views for what went wrong (a file that could not be read) or what the user
/// should know (lines skipped). The window stays usable under it; the details list every message.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Error, Warning, Information };

    explicit MessageBanner(QWidget* parent = nullptr);

    /// Shows the headline and, behind a "Details" toggle, the messages (file:line: reason each).
    void showMessage(Kind kind, const QString& headline, const QStringList& details = {});
    /// A button on the banner that offers a way out ("Open the snapshot before it"); the next showMessage()
    /// removes it. The banner hides itself when the button is clicked.
    void setAction(const QString& text, std::function<void()> onClicked);
    /// The offered action's text; empty when there is none.
    QString actionText() const;
    /// Clicks the offered action, as the user would (for tests and keyboard shortcuts).
    void triggerAction();
    Kind kind() const { return m_kind; }
    QString headline() const;
    QStringList details() const { return m_details; }

private:
    void toggleDetails();

    Kind m_kind = Kind::Information;
    QStringList m_details;
    QLabel* m_icon = nullptr;
    QLabel* m_headline = nullptr;
    QLabel* m_detailText = nullptr;
    QToolButton* m_detailsButton = nullptr;
    QPushButton* m_actionButton = nullptr;
    std::function<void()> m_action;
};
