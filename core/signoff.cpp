#include "signoff.h"

#include <QCryptographicHash>

namespace Countersign {

QString decisionName(SignOffDecision decision)
{
    switch (decision) {
    case SignOffDecision::Approve:
        return QStringLiteral("approve");
    case SignOffDecision::Reject:
        return QStringLiteral("reject");
    case SignOffDecision::Withdraw:
        break;
    }
    return QStringLiteral("withdraw");
}

std::optional<SignOffDecision> decisionFromName(QStringView name)
{
    for (const SignOffDecision decision :
        {SignOffDecision::Approve, SignOffDecision::Reject, SignOffDecision::Withdraw}) {
        if (name == decisionName(decision))
            return decision;
    }
    return std::nullopt;
}

QString SignOffEntry::timeText() const
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString SignOffEntry::computeHash() const
{
    // Each field with its length in front, so that no two different entries hash the same input.
    QCryptographicHash sha(QCryptographicHash::Sha256);
    const auto add = [&sha](const QString &field) {
        const QByteArray bytes = field.toUtf8();
        sha.addData(QByteArray::number(bytes.size()));
        sha.addData(QByteArrayView(":"));
        sha.addData(bytes);
    };
    add(QString::number(id));
    add(recordPath);
    add(recordKind);
    add(role);
    add(signer);
    add(decisionName(decision));
    add(comment);
    add(timeText());
    add(digest);
    add(osUser);
    add(host);
    add(previousHash);
    return QString::fromLatin1(sha.result().toHex());
}

} // namespace Countersign
