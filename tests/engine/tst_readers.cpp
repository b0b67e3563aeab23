// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "config/config.h"
#include "io/classadfiles.h"
#include "io/formatdetect.h"
#include "io/resultreader.h"
#include "io/swfreader.h"
#include "model/pool.h"
#include "policy/policyfromconfig.h"
#include "util/linereader.h"
#include "util/memoryfiles.h"

#include "../testfiles.h"

#include <QtTest>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

std::string local(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}
QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

quint32 crc32(const QByteArray& data)
{
    quint32 c = 0xFFFFFFFFu;
    for (const char ch : data) {
        c ^= static_cast<unsigned char>(ch);
        for (int k = 0; k < 8; ++k)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

/// A complete gzip file of `data`: qCompress's zlib stream re-wrapped with a gzip header and trailer.
QByteArray gzip(const QByteArray& data)
{
    const QByteArray z = qCompress(data, 9); // 4-byte length, 2-byte zlib header, deflate, 4-byte adler32
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    out += z.mid(6, z.size() - 6 - 4);
    const quint32 crc = crc32(data);
    const auto size = static_cast<quint32>(data.size());
    for (int i = 0; i < 4; ++i)
        out += static_cast<char>((crc >> (8 * i)) & 0xFF);
    for (int i = 0; i < 4; ++i)
        out += static_cast<char>((size >> (8 * i)) & 0xFF);
    return out;
}

/// Text that does not compress to nothing: numbered SWF-shaped lines with varying fields.
QByteArray numberedSwfText(int lines)
{
    QByteArray text;
    quint32 x = 12345;
    for (int i = 1; i <= lines; ++i) {
        x = x * 1103515245u + 12345u;
        text += QByteArray::number(i) + ' ' + QByteArray::number(i * 7) + " 3 " + QByteArray::number((x >> 8) % 90000)
            + " 1 -1 " + QByteArray::number((x >> 4) % 60000) + " 1 7200 -1 1 " + QByteArray::number((x >> 16) % 40)
            + ' ' + QByteArray::number((x >> 20) % 6) + " -1 2 1 -1 -1\n";
    }
    return text;
}

/// Makes one of the hostile inputs the readers must refuse, in `dir`; returns its path.
QString makeBadFile(const QTemporaryDir& dir, const QString& kind)
{
    const QString path = dir.filePath(kind);
    if (kind == QLatin1String("missing"))
        return dir.filePath(QStringLiteral("no/such/file.txt"));
    if (kind == QLatin1String("directory")) {
        QDir(dir.path()).mkpath(kind);
        return path;
    }
    QByteArray bytes;
    if (kind == QLatin1String("empty")) {
        // nothing
    } else if (kind == QLatin1String("nul-on-line-3")) {
        bytes = QByteArray("line one\nline two\nli\0ne three\nline four\n", 40);
    } else if (kind == QLatin1String("random-bytes")) {
        QRandomGenerator random(20260101);
        bytes.resize(64 * 1024);
        for (char& c : bytes)
            c = static_cast<char>(random.bounded(256));
        bytes[10] = '\0'; // a NUL within the first chunk, whatever the seed gives
    } else if (kind == QLatin1String("huge-line")) {
        bytes = "short line\n" + QByteArray(2 * 1024 * 1024, 'x') + "\nafter\n";
    } else if (kind == QLatin1String("line-1MiB-plus-1")) {
        bytes = QByteArray(static_cast<qsizetype>(pp::LineReader::maxLineLength) + 1, 'x') + "\nafter\n";
    } else if (kind == QLatin1String("truncated-gzip")) {
        const QByteArray gz = gzip(numberedSwfText(20000));
        bytes = gz.left(gz.size() / 2);
    } else if (kind == QLatin1String("gzip-without-trailer")) {
        const QByteArray gz = gzip(numberedSwfText(2000));
        bytes = gz.left(gz.size() - 8);
    } else if (kind == QLatin1String("truncated-real-gzip")) {
        bytes = readAll(sharedPath("traces/LPC-EGEE-2004-1.2-cln.swf.gz")).left(100000);
        if (bytes.size() != 100000)
            return {};
    } else if (kind == QLatin1String("sparse-2GB")) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || !f.resize(qint64(2) * 1024 * 1024 * 1024))
            return {};
        return path;
    } else {
        return {};
    }
    return writeFile(path, bytes) ? path : QString();
}

/// The fields of one SWF line, parsed here independently of the engine.
bool parseSwfLine(std::string_view line, double (&f)[18])
{
    int n = 0;
    std::size_t pos = 0;
    while (n < 18) {
        while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t'))
            ++pos;
        if (pos >= line.size())
            return false;
        std::size_t end = pos;
        while (end < line.size() && line[end] != ' ' && line[end] != '\t')
            ++end;
        const std::string token(line.substr(pos, end - pos));
        char* stop = nullptr;
        f[n++] = std::strtod(token.c_str(), &stop);
        if (stop != token.c_str() + token.size())
            return false;
        pos = end;
    }
    return true;
}

/// What an SWF file should give, derived from the field values by this test's own reading.
struct SwfExpectation
{
    long records = 0;
    long skippedRuntime = 0;
    long skippedTooBig = 0;
    long long epoch = 0;
    double coreSeconds = 0;
    struct J
    {
        double submit, runtime, cores, memoryMb;
        std::string submitter;
    };
    std::vector<J> jobs;
    std::set<std::string> submitters;
    std::map<std::string, long> jobsPerGroup;
    bool ok = true;
};

void expectLine(SwfExpectation& e, std::string_view raw, int largestCores)
{
    std::string_view line = raw;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
        line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.remove_suffix(1);
    if (line.empty())
        return;
    if (line.front() == ';') {
        const auto at = line.find("UnixStartTime:");
        if (at != std::string_view::npos)
            e.epoch = std::atoll(std::string(line.substr(at + 14)).c_str());
        return;
    }
    double f[18];
    if (!parseSwfLine(line, f)) {
        e.ok = false;
        return;
    }
    ++e.records;
    const double submit = f[1], runtime = f[3], allocated = f[4], used = f[6], requested = f[7], reqMem = f[9];
    const long user = std::lround(f[11]), group = std::lround(f[12]);
    const double cores = allocated > 0 ? allocated : requested;
    if (submit < 0 || runtime < 0 || cores <= 0) {
        ++e.skippedRuntime;
        return;
    }
    if (largestCores > 0 && cores > largestCores) {
        ++e.skippedTooBig;
        return;
    }
    const double perCore = reqMem > 0 ? reqMem : (used > 0 ? used : 0);
    double mb = std::ceil(perCore * cores / 1024.0);
    mb = std::ceil(mb / 128.0) * 128.0;
    const std::string groupName = group < 0 ? std::string() : "g" + std::to_string(group);
    const std::string submitter = (groupName.empty() ? std::string() : groupName + ".") + "u" + std::to_string(user);
    e.jobs.push_back({submit, runtime, cores, mb, submitter});
    e.submitters.insert(submitter);
    ++e.jobsPerGroup[groupName];
    e.coreSeconds += cores * runtime;
}

SwfExpectation expectFromPlainFile(const QString& path, int largestCores)
{
    SwfExpectation e;
    const QByteArray text = readAll(path);
    e.ok = !text.isEmpty();
    for (const QByteArray& line : text.split('\n'))
        expectLine(e, std::string_view(line.constData(), static_cast<std::size_t>(line.size())), largestCores);
    std::stable_sort(e.jobs.begin(), e.jobs.end(),
        [](const SwfExpectation::J& a, const SwfExpectation::J& b) { return a.submit < b.submit; });
    return e;
}

bool anyWarningContains(const pp::Warnings& w, const QString& text)
{
    for (const auto& m : w.messages())
        if (q(m).contains(text))
            return true;
    return false;
}

/// Line number (1-based) of the first line of `path` that starts with `prefix`; 0 when none.
long lineOf(const QString& path, const QByteArray& prefix)
{
    const QList<QByteArray> lines = readAll(path).split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (lines[i].trimmed().startsWith(prefix))
            return static_cast<long>(i + 1);
    return 0;
}

} // namespace

class ReadersTest : public QObject
{
    Q_OBJECT

private slots:
    // ---- LineReader -------------------------------------------------------------------------------
    void lineReaderReadsText_data();
    void lineReaderReadsText();
    void lineReaderRefusesBadFiles_data();
    void lineReaderRefusesBadFiles();
    void lineReaderAcceptsLineOfExactlyOneMiB();
    void lineReaderReadsRealGzipTrace();
    void lineReaderNextLinesReadsAsNext_data();
    void lineReaderNextLinesReadsAsNext();

    // ---- Config -----------------------------------------------------------------------------------
    void configValues_data();
    void configValues();
    void configErrors_data();
    void configErrors();
    void configRecordsFileAndLine();
    void configIncludeIsRelativeToIncludingFile();
    void configIncludeOfMissingFileNamesTheIncludeLine();
    void configIncludeLoopIsAnError();
    void configFromFileRefusesBadFiles_data();
    void configFromFileRefusesBadFiles();
    void configSelfReferenceAppendsToEarlierValue();

    // ---- Policy -----------------------------------------------------------------------------------
    void policyDefaults();
    void policyGroups();
    void policyErrors_data();
    void policyErrors();
    void policyClaimLeftoversFollowsSlotWeights_data();
    void policyClaimLeftoversFollowsSlotWeights();
    void policyOldKnobNames_data();
    void policyOldKnobNames();
    void policyRealConfigNegfail();
    void policyRealConfigAutoregroup();
    void policyRealConfigConsumptionPolicy();

    // ---- SWF --------------------------------------------------------------------------------------
    void swfSliceMatchesFile_data();
    void swfSliceMatchesFile();
    void swfEpochFromHeader_data();
    void swfEpochFromHeader();
    void swfNaming();
    void swfMemory_data();
    void swfMemory();
    void swfSortsBySubmitTime();
    void swfErrors_data();
    void swfErrors();
    void swfRealTraceWithUserNamesIsRefused();
    void swfBadFiles_data();
    void swfBadFiles();
    void swfRealLpcTrace();
    void groupMap_data();
    void groupMap();

    // ---- Pool -------------------------------------------------------------------------------------
    void poolFile_data();
    void poolFile();
    void poolFileOwners();
    void poolFileErrors_data();
    void poolFileErrors();
    void poolFileBadFiles_data();
    void poolFileBadFiles();
    void poolUniform_data();
    void poolUniform();

    // ---- ClassAd JSON ------------------------------------------------------------------------------
    void jsonFastReaderReadsAsTheDomReader_data();
    void jsonFastReaderReadsAsTheDomReader();
    void jsonErrors_data();
    void jsonErrors();
    void jsonLineNumbersAcrossBlocks_data();
    void jsonLineNumbersAcrossBlocks();
    void attributeFilterNumberedNames();
    void attributeFilterAsFullRead_data();
    void attributeFilterAsFullRead();

    // ---- Files held in memory (MemoryFileScope) ---------------------------------------------------
    void memoryFileReadsLikeTheFile_data();
    void memoryFileReadsLikeTheFile();
    void memoryFileScopesNestAndStayOnTheirThread();
};

// ================================================================================================
// LineReader

void ReadersTest::lineReaderReadsText_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("gzipped");
    QTest::addColumn<QStringList>("lines");

    const QStringList three {QStringLiteral("alpha"), QStringLiteral("beta gamma"), QStringLiteral("")};
    QTest::addRow("plain, LF") << QByteArray("alpha\nbeta gamma\n\n") << false << three;
    QTest::addRow("plain, CRLF") << QByteArray("alpha\r\nbeta gamma\r\n\r\n") << false << three;
    QTest::addRow("plain, last line without newline")
        << QByteArray("alpha\nbeta gamma\nlast") << false
        << QStringList {QStringLiteral("alpha"), QStringLiteral("beta gamma"), QStringLiteral("last")};
    QTest::addRow("empty file gives no lines") << QByteArray() << false << QStringList {};
    QTest::addRow("gzip, detected by content") << QByteArray("alpha\nbeta gamma\n\n") << true << three;
    QTest::addRow("gzip, CRLF, no final newline")
        << QByteArray("one\r\ntwo") << true << QStringList {QStringLiteral("one"), QStringLiteral("two")};
}

void ReadersTest::lineReaderReadsText()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, gzipped);
    QFETCH(QStringList, lines);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The name says .txt on purpose: compression is detected from the bytes, not the name.
    const QString path = dir.filePath(QStringLiteral("input.txt"));
    QVERIFY(writeFile(path, gzipped ? gzip(content) : content));

    auto opened = pp::LineReader::open(local(path));
    QVERIFY2(std::holds_alternative<pp::LineReader>(opened),
        std::get_if<pp::Diagnostic>(&opened) ? std::get<pp::Diagnostic>(opened).message().c_str() : "");
    auto& reader = std::get<pp::LineReader>(opened);
    QCOMPARE(reader.compressed(), gzipped);
    QStringList got;
    while (auto line = reader.next()) {
        got << QString::fromUtf8(line->data(), static_cast<qsizetype>(line->size()));
        QCOMPARE(reader.lineNumber(), static_cast<long>(got.size()));
    }
    QVERIFY2(!reader.error(), reader.error() ? reader.error()->message().c_str() : "");
    QCOMPARE(got, lines);
    QVERIFY(!reader.next()); // stays at the end
}

void ReadersTest::lineReaderRefusesBadFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("failsAtOpen");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<long>("line"); // -1: not checked
    QTest::addColumn<long>("goodLines"); // lines delivered before the error; -1: not checked

    QTest::addRow("missing path") << QStringLiteral("missing") << true << QStringLiteral("no such file") << 0L << 0L;
    QTest::addRow("a directory") << QStringLiteral("directory") << true << QStringLiteral("is a directory") << 0L << 0L;
    QTest::addRow("NUL byte on line 3") << QStringLiteral("nul-on-line-3") << false << QStringLiteral("binary data")
                                        << 3L << 0L;
    QTest::addRow("random bytes") << QStringLiteral("random-bytes") << false << QStringLiteral("binary data") << -1L
                                  << 0L;
    QTest::addRow("2 GB sparse file of NULs")
        << QStringLiteral("sparse-2GB") << false << QStringLiteral("binary data") << 1L << 0L;
    QTest::addRow("line of 2 MiB") << QStringLiteral("huge-line") << false << QStringLiteral("longer than 1 MiB") << 2L
                                   << 1L;
    QTest::addRow("line of 1 MiB + 1 byte")
        << QStringLiteral("line-1MiB-plus-1") << false << QStringLiteral("longer than 1 MiB") << 1L << 0L;
    QTest::addRow("gzip cut in half") << QStringLiteral("truncated-gzip") << false << QStringLiteral("truncated") << -1L
                                      << -1L;
    QTest::addRow("gzip without its 8-byte trailer")
        << QStringLiteral("gzip-without-trailer") << false << QStringLiteral("truncated") << -1L << -1L;
    QTest::addRow("real trace, first 100000 bytes of the .gz")
        << QStringLiteral("truncated-real-gzip") << false << QStringLiteral("truncated") << -1L << -1L;
}

void ReadersTest::lineReaderRefusesBadFiles()
{
    QFETCH(QString, kind);
    QFETCH(bool, failsAtOpen);
    QFETCH(QString, reason);
    QFETCH(long, line);
    QFETCH(long, goodLines);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = makeBadFile(dir, kind);
    QVERIFY(!path.isEmpty());

    QElapsedTimer timer;
    timer.start();
    auto opened = pp::LineReader::open(local(path));
    if (failsAtOpen) {
        const auto* d = std::get_if<pp::Diagnostic>(&opened);
        QVERIFY(d);
        QCOMPARE(q(d->source), path);
        QVERIFY2(q(d->reason).contains(reason), d->reason.c_str());
        QVERIFY2(q(d->message()).startsWith(path + QStringLiteral(": ")), d->message().c_str());
        return;
    }
    QVERIFY(std::holds_alternative<pp::LineReader>(opened));
    auto& reader = std::get<pp::LineReader>(opened);
    long delivered = 0;
    std::size_t longest = 0;
    while (auto l = reader.next()) {
        ++delivered;
        longest = std::max(longest, l->size());
    }
    if (kind.contains(QLatin1String("gzip")))
        QVERIFY2(reader.error().has_value(),
            qPrintable(QStringLiteral("no error after %1 lines (longest %2 bytes)").arg(delivered).arg(longest)));
    QVERIFY(longest <= pp::LineReader::maxLineLength);
    const pp::Diagnostic& d = *reader.error();
    QCOMPARE(q(d.source), path);
    QVERIFY2(q(d.reason).contains(reason), d.reason.c_str());
    if (line >= 0) {
        QCOMPARE(d.line, line);
        QVERIFY(q(d.message()).startsWith(path + QLatin1Char(':') + QString::number(line) + QStringLiteral(": ")));
    }
    if (goodLines >= 0)
        QCOMPARE(delivered, goodLines);
    QVERIFY(!reader.next()); // an error is final
    QVERIFY2(timer.elapsed() < 5000, "a bad file must be refused without reading all of it");
}

void ReadersTest::lineReaderAcceptsLineOfExactlyOneMiB()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("long.txt"));
    QVERIFY(writeFile(path, "a\n" + QByteArray(static_cast<qsizetype>(pp::LineReader::maxLineLength), 'y') + "\nb\n"));
    auto opened = pp::LineReader::open(local(path));
    QVERIFY(std::holds_alternative<pp::LineReader>(opened));
    auto& reader = std::get<pp::LineReader>(opened);
    std::vector<std::size_t> sizes;
    while (auto l = reader.next())
        sizes.push_back(l->size());
    QVERIFY2(!reader.error(), reader.error() ? reader.error()->message().c_str() : "");
    QCOMPARE(sizes, (std::vector<std::size_t> {1, pp::LineReader::maxLineLength, 1}));
}

void ReadersTest::lineReaderReadsRealGzipTrace()
{
    // The README of ../shared/traces says 234,889 records; the header says MaxJobs: 234889.
    const QString path = sharedPath("traces/LPC-EGEE-2004-1.2-cln.swf.gz");
    auto opened = pp::LineReader::open(local(path));
    QVERIFY(std::holds_alternative<pp::LineReader>(opened));
    auto& reader = std::get<pp::LineReader>(opened);
    QVERIFY(reader.compressed());
    long comments = 0, jobs = 0;
    std::string lastJob;
    while (auto l = reader.next()) {
        if (!l->empty() && l->front() == ';')
            ++comments;
        else if (!l->empty()) {
            ++jobs;
            lastJob.assign(*l);
        }
    }
    QVERIFY(!reader.error());
    QCOMPARE(jobs, 234889L);
    QCOMPARE(reader.lineNumber(), comments + jobs);
    QVERIFY(q(lastJob).simplified().startsWith(QStringLiteral("244821 ")));
}

void ReadersTest::lineReaderNextLinesReadsAsNext_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("gzipped");

    const QByteArray text = numberedSwfText(20000); // ~1.3 MB: many 64 KiB reads, lines cut at each
    QByteArray crlf = text;
    crlf.replace("\n", "\r\n");
    QTest::addRow("LF") << text << false;
    QTest::addRow("CRLF") << crlf << false;
    QTest::addRow("gzip, CRLF, last line without newline, ending in CR") << crlf + "last\r" << true;
    QTest::addRow("empty lines and a final one") << QByteArray("\n\n\r\nx\n\n") << false;
    QTest::addRow("NUL after many lines") << text + QByteArray("ab\0c\n", 5) + text << false;
    QTest::addRow("line of exactly 1 MiB between others")
        << text + QByteArray(static_cast<qsizetype>(pp::LineReader::maxLineLength), 'y') + "\n" + crlf << false;
    QTest::addRow("line of 2 MiB after others") << text + QByteArray(2 * 1024 * 1024, 'x') + "\nafter\n" << false;
    const QByteArray gz = gzip(text);
    QTest::addRow("gzip cut in half") << gz.left(gz.size() / 2) << false;
}

void ReadersTest::lineReaderNextLinesReadsAsNext()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, gzipped);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("input.txt"));
    QVERIFY(writeFile(path, gzipped ? gzip(content) : content));
    auto one = pp::LineReader::open(local(path));
    auto blocks = pp::LineReader::open(local(path));
    QVERIFY(std::holds_alternative<pp::LineReader>(one) && std::holds_alternative<pp::LineReader>(blocks));
    auto& byLine = std::get<pp::LineReader>(one);
    auto& byBlock = std::get<pp::LineReader>(blocks);

    std::vector<std::string> expected;
    while (const auto line = byLine.next())
        expected.emplace_back(*line);
    std::vector<std::string> got;
    while (const auto block = byBlock.nextLines()) {
        QVERIFY(!block->empty());
        for (std::string_view rest = *block; !rest.empty();) {
            const std::size_t end = rest.find('\n');
            if (end == std::string_view::npos) // only the file's last line has none
                QCOMPARE(got.size() + 1, expected.size());
            std::string_view line = rest.substr(0, end);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            got.emplace_back(line);
            rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
        }
        QCOMPARE(byBlock.lineNumber(), static_cast<long>(got.size()));
    }
    QCOMPARE(got.size(), expected.size());
    QVERIFY(got == expected);
    QCOMPARE(byBlock.error().has_value(), byLine.error().has_value());
    if (byLine.error())
        QCOMPARE(q(byBlock.error()->message()), q(byLine.error()->message()));
    QVERIFY(!byBlock.nextLines());
}

// ================================================================================================
// Config

void ReadersTest::configValues_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("defined");
    QTest::addColumn<QString>("expected"); // compared after QString::simplified()

    const auto row = [](const char* what, const char* text, const char* name, const char* expected) {
        QTest::addRow("%s", what) << QString::fromUtf8(text) << QString::fromUtf8(name) << true
                                  << QString::fromUtf8(expected);
    };
    row("plain value", "A = 1\n", "A", "1");
    row("value keeps inner spaces", "A =   one two  \n", "A", "one two");
    row("names are case-insensitive", "Group_Names = a, b\n", "GROUP_NAMES", "a, b");
    row("later definition wins", "A = 1\nB = 2\na = 3\n", "A", "3");
    row("macro", "X = 5\nY = $(X) cores\n", "Y", "5 cores");
    row("macro name is case-insensitive", "Xyz = 5\nY = $(XYZ)\n", "Y", "5");
    row("macro defined after its use", "Y = $(X)\nX = 7\n", "Y", "7");
    row("macro redefined after its use: last value", "X = 1\nY = $(X)\nX = 2\n", "Y", "2");
    row("chained macros", "A = $(B)$(B)\nB = $(C)-\nC = c\n", "A", "c-c-");
    row("default when undefined", "Y = $(NOPE:42)\n", "Y", "42");
    row("default ignored when defined", "N = 1\nY = $(N:42)\n", "Y", "1");
    row("default that is a macro", "B = 9\nY = $(A:$(B))\n", "Y", "9");
    row("undefined macro is empty", "Y = [$(NOPE)]\n", "Y", "[]");
    row("continuation lines", "A = one, \\\n two, \\\n three\nB = 2\n", "A", "one, two, three");
    row("line after a continuation is its own", "A = one, \\\n two\nB = 2\n", "B", "2");
    row("CRLF line ends", "A = 1\r\nB = 2\r\n", "A", "1");
    row("comments and blank lines", "# a comment\n\n   # indented comment\nA = 1\n", "A", "1");
    row(":= is accepted", "A := 4\n", "A", "4");
    row("if true", "if true\nA = 1\nelse\nA = 2\nendif\n", "A", "1");
    row("if false takes else", "if false\nA = 1\nelse\nA = 2\nendif\n", "A", "2");
    row("if defined (defined)", "X = 1\nif defined X\nA = yes\nendif\n", "A", "yes");
    row("if defined (undefined)", "if defined X\nA = yes\nelse\nA = no\nendif\n", "A", "no");
    row("if ! defined", "if ! defined X\nA = 1\nendif\n", "A", "1");
    row("if on a macro", "USE_X = True\nif $(USE_X)\nA = 1\nelse\nA = 2\nendif\n", "A", "1");
    row("elif", "if false\nA = 1\nelif true\nA = 2\nelse\nA = 3\nendif\n", "A", "2");
    row("elif after a taken branch", "if true\nA = 1\nelif true\nA = 2\nelse\nA = 3\nendif\n", "A", "1");
    row("nested if inside a false branch", "if false\nif true\nA = 1\nendif\nelse\nA = 2\nendif\n", "A", "2");
    row("include ifexist of a missing file", "include ifexist : /nonexistent/pp-test/x.cfg\nA = 1\n", "A", "1");
    row("use metaknob is not an error", "use FEATURE : StaticSlots\nA = 1\n", "A", "1");
    QTest::addRow("undefined name") << QStringLiteral("A = 1\n") << QStringLiteral("B") << false << QString();
    QTest::addRow("definition in a false if")
        << QStringLiteral("if false\nB = 1\nendif\n") << QStringLiteral("B") << false << QString();
}

void ReadersTest::configValues()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(bool, defined);
    QFETCH(QString, expected);
    const auto config = pp::Config::fromText(text.toStdString(), "test.cfg");
    QVERIFY2(config.ok(), config.ok() ? "" : config.error().message().c_str());
    const auto value = config->value(name.toStdString());
    QCOMPARE(value.has_value(), defined);
    QCOMPARE(config->contains(name.toStdString()), defined);
    if (defined)
        QCOMPARE(q(*value).simplified(), expected);
}

void ReadersTest::configErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<long>("line");
    QTest::addColumn<QString>("reason");

    QTest::addRow("line that is not NAME = value")
        << QStringLiteral("A = 1\njust some words\n") << 2L << QStringLiteral("expected 'NAME = value'");
    QTest::addRow("name without =") << QStringLiteral("A = 1\n\nB\n") << 3L
                                    << QStringLiteral("expected 'NAME = value'");
    QTest::addRow("value without a name") << QStringLiteral("= 5\n") << 1L << QStringLiteral("expected 'NAME = value'");
    QTest::addRow("bad line after a continued line")
        << QStringLiteral("A = 1, \\\n  2\nnot valid here\n") << 3L << QStringLiteral("not valid here");
    QTest::addRow("include command is refused")
        << QStringLiteral("A = 1\ninclude command : /bin/echo X = 1\n") << 2L << QStringLiteral("'include command'");
    QTest::addRow("include without a colon")
        << QStringLiteral("include foo.cfg\n") << 1L << QStringLiteral("include without ':'");
    QTest::addRow("if without endif") << QStringLiteral("if true\nA = 1\n# end\n") << 3L
                                      << QStringLiteral("if without a matching endif");
    QTest::addRow("endif without if") << QStringLiteral("A = 1\nendif\n") << 2L
                                      << QStringLiteral("endif without a matching if");
    QTest::addRow("else without if") << QStringLiteral("else\n") << 1L << QStringLiteral("else without a matching if");
    QTest::addRow("elif without if") << QStringLiteral("A = 1\nelif true\n") << 2L
                                     << QStringLiteral("elif without a matching if");
    QTest::addRow("one endif too many") << QStringLiteral("if true\nendif\nendif\n") << 3L
                                        << QStringLiteral("endif without a matching if");
}

void ReadersTest::configErrors()
{
    QFETCH(QString, text);
    QFETCH(long, line);
    QFETCH(QString, reason);
    const auto config = pp::Config::fromText(text.toStdString(), "dir/test.cfg");
    QVERIFY(!config.ok());
    const pp::Diagnostic& d = config.error();
    QCOMPARE(q(d.source), QStringLiteral("dir/test.cfg"));
    QCOMPARE(d.line, line);
    QVERIFY2(q(d.reason).contains(reason), d.reason.c_str());
    QCOMPARE(q(d.message()), QStringLiteral("dir/test.cfg:%1: ").arg(line) + q(d.reason));
}

void ReadersTest::configRecordsFileAndLine()
{
    const auto config = pp::Config::fromText("# c\nA = 1, \\\n 2\n\nb = x\nB = y\n", "where.cfg");
    QVERIFY(config.ok());
    const auto* a = config->entry("a");
    QVERIFY(a);
    QCOMPARE(q(a->file), QStringLiteral("where.cfg"));
    QCOMPARE(a->line, 2L); // a continued definition is at its first line
    const auto* b = config->entry("B");
    QVERIFY(b);
    QCOMPARE(b->line, 6L);
    QCOMPARE(q(b->name), QStringLiteral("B"));
    QCOMPARE(q(b->value), QStringLiteral("y"));
    QCOMPARE(config->entries().size(), std::size_t(2));
}

void ReadersTest::configIncludeIsRelativeToIncludingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("conf/parts/d")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("parts")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/main.cfg")),
        "A = from-main\ninclude : parts/p.cfg\nC = $(B)\ninclude : parts/d\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/parts/p.cfg")), "# part\nB = from-part\nA = overridden\n"));
    // A directory include reads its files in name order; the later one wins.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/parts/d/10-first.cfg")), "D = first\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf/parts/d/20-second.cfg")), "D = second\n"));
    // A file of the same name next to the working directory must not be the one read.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("parts/p.cfg")), "B = WRONG\n"));

    const QString oldCwd = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    const auto relative = pp::Config::fromFile("conf/main.cfg");
    QVERIFY(QDir::setCurrent(oldCwd));
    const auto absolute = pp::Config::fromFile(local(dir.filePath(QStringLiteral("conf/main.cfg"))));
    for (const auto* config : {&relative, &absolute}) {
        QVERIFY2(config->ok(), config->ok() ? "" : config->error().message().c_str());
        QCOMPARE(q(*(*config)->value("C")), QStringLiteral("from-part"));
        QCOMPARE(q(*(*config)->value("A")), QStringLiteral("overridden"));
        QCOMPARE(q(*(*config)->value("D")), QStringLiteral("second"));
        const auto* b = (*config)->entry("B");
        QVERIFY(b);
        QVERIFY2(q(b->file).endsWith(QStringLiteral("conf/parts/p.cfg")), b->file.c_str());
        QCOMPARE(b->line, 2L);
    }
}

void ReadersTest::configIncludeOfMissingFileNamesTheIncludeLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString main = dir.filePath(QStringLiteral("main.cfg"));
    QVERIFY(writeFile(main, "A = 1\n\ninclude : not-there.cfg\n"));
    const auto config = pp::Config::fromFile(local(main));
    QVERIFY(!config.ok());
    const auto& d = config.error();
    QVERIFY2(q(d.source).endsWith(QStringLiteral("not-there.cfg")), d.source.c_str());
    QVERIFY2(q(d.reason).contains(QStringLiteral("no such file")), d.reason.c_str());
    QVERIFY2(q(d.reason).contains(QStringLiteral("included from ") + main + QStringLiteral(":3")), d.reason.c_str());
}

void ReadersTest::configIncludeLoopIsAnError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString a = dir.filePath(QStringLiteral("a.cfg"));
    const QString b = dir.filePath(QStringLiteral("b.cfg"));
    QVERIFY(writeFile(a, "include : b.cfg\nA = 1\n"));
    QVERIFY(writeFile(b, "B = 1\ninclude : a.cfg\n"));
    QElapsedTimer timer;
    timer.start();
    const auto config = pp::Config::fromFile(local(a));
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(!config.ok());
    const auto& d = config.error();
    QVERIFY2(q(d.reason).contains(QStringLiteral("deeper than 16")), d.reason.c_str());
    const bool atA = q(d.source) == a && d.line == 1;
    const bool atB = q(d.source) == b && d.line == 2;
    QVERIFY2(atA || atB, d.message().c_str());

    const QString self = dir.filePath(QStringLiteral("self.cfg"));
    QVERIFY(writeFile(self, "X = 1\ninclude : self.cfg\n"));
    const auto selfConfig = pp::Config::fromFile(local(self));
    QVERIFY(!selfConfig.ok());
    QCOMPARE(q(selfConfig.error().source), self);
    QCOMPARE(selfConfig.error().line, 2L);
}

void ReadersTest::configFromFileRefusesBadFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<long>("line");
    QTest::addRow("missing path") << QStringLiteral("missing") << QStringLiteral("no such file") << 0L;
    QTest::addRow("a directory") << QStringLiteral("directory") << QStringLiteral("is a directory") << 0L;
    QTest::addRow("NUL byte") << QStringLiteral("nul-on-line-3") << QStringLiteral("binary data") << 3L;
    QTest::addRow("2 GB sparse file of NULs") << QStringLiteral("sparse-2GB") << QStringLiteral("binary data") << 1L;
    QTest::addRow("line of 2 MiB") << QStringLiteral("huge-line") << QStringLiteral("longer than 1 MiB") << 2L;
}

void ReadersTest::configFromFileRefusesBadFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QFETCH(long, line);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = makeBadFile(dir, kind);
    QVERIFY(!path.isEmpty());
    QElapsedTimer timer;
    timer.start();
    const auto config = pp::Config::fromFile(local(path));
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(!config.ok());
    QCOMPARE(q(config.error().source), path);
    QCOMPARE(config.error().line, line);
    QVERIFY2(q(config.error().reason).contains(reason), config.error().reason.c_str());
}

void ReadersTest::configSelfReferenceAppendsToEarlierValue()
{
    // HTCondor's idiom for adding to a knob set earlier (often in another file):
    //   GROUP_NAMES = $(GROUP_NAMES), b
    // A self-reference means the value defined before this line (HTCondor expands it while parsing).
    const auto config = pp::Config::fromText(
        "GROUP_NAMES = a\nGROUP_QUOTA_a = 1\nGROUP_QUOTA_b = 2\nGROUP_NAMES = $(GROUP_NAMES), b\n", "append.cfg");
    QVERIFY(config.ok());
    const auto value = config->value("GROUP_NAMES");
    QVERIFY(value);
    QCOMPARE(q(*value), QStringLiteral("a, b"));
    const auto policy = pp::policyFromConfig(*config);
    QVERIFY(policy.ok());
    QVERIFY(policy->group("a") != nullptr);
}

// ================================================================================================
// Policy

void ReadersTest::policyDefaults()
{
    const auto config = pp::Config::fromText("", "empty.cfg");
    QVERIFY(config.ok());
    pp::Warnings warnings;
    const auto policy = pp::policyFromConfig(*config, &warnings);
    QVERIFY(policy.ok());
    QVERIFY(warnings.empty());
    QVERIFY(policy->groups.empty());
    QCOMPARE(policy->negotiatorInterval, 60.0);
    QCOMPARE(policy->priorityHalflife, 86400.0);
    QCOMPARE(policy->defaultPrioFactor, 1000.0);
    QCOMPARE(policy->allowQuotaOversubscription, true);
    QCOMPARE(policy->maxAllocationRounds, 3);
    QCOMPARE(policy->claimWorklife, 1200.0);
    QCOMPARE(policy->consumptionPolicy, false);
    QCOMPARE(policy->useSlotWeights, true);
    QCOMPARE(policy->claimPartitionableLeftovers, true);
    QCOMPARE(policy->autoregroupDefault, false);
    QVERIFY(policy->groupSortExpr.empty());
}

void ReadersTest::policyGroups()
{
    const auto config = pp::Config::fromText("GROUP_NAMES = b, A, a.x, a.y\n"
                                             "GROUP_QUOTA_a = 10\n"
                                             "GROUP_QUOTA_DYNAMIC_b = 0.3\n"
                                             "group_quota_dynamic_A.X = 1\n"
                                             "GROUP_ACCEPT_SURPLUS = true\n"
                                             "GROUP_ACCEPT_SURPLUS_b = no\n"
                                             "GROUP_PRIO_FACTOR_a = 5\n"
                                             "NEGOTIATOR_INTERVAL = 20\n",
        "groups.cfg");
    QVERIFY(config.ok());
    pp::Warnings warnings;
    const auto policy = pp::policyFromConfig(*config, &warnings);
    QVERIFY2(policy.ok(), policy.ok() ? "" : policy.error().message().c_str());
    QCOMPARE(policy->groups.size(), std::size_t(4));
    QCOMPARE(policy->negotiatorInterval, 20.0);
    const auto* a = policy->group("a");
    QVERIFY(a);
    QCOMPARE(q(a->name), QStringLiteral("A"));
    QVERIFY(a->staticQuota);
    QCOMPARE(a->configQuota, 10.0);
    QVERIFY(a->acceptSurplus);
    QCOMPARE(a->prioFactor, 5.0);
    const auto* b = policy->group("B");
    QVERIFY(b);
    QVERIFY(!b->staticQuota);
    QCOMPARE(b->configQuota, 0.3);
    QVERIFY(!b->acceptSurplus);
    const auto* ax = policy->group("a.x");
    QVERIFY(ax);
    QVERIFY(!ax->staticQuota);
    QCOMPARE(ax->configQuota, 1.0);
    // a.y has no quota knob: quota 0 and a warning at GROUP_NAMES.
    const auto* ay = policy->group("a.y");
    QVERIFY(ay);
    QCOMPARE(ay->configQuota, 0.0);
    QCOMPARE(warnings.items.size(), std::size_t(1));
    QCOMPARE(q(warnings.items[0].source), QStringLiteral("groups.cfg"));
    QCOMPARE(warnings.items[0].line, 1L);
    QVERIFY(q(warnings.items[0].reason).contains(QStringLiteral("'a.y'")));
}

void ReadersTest::policyErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<long>("line");
    QTest::addColumn<QString>("reason");

    const QString header = QStringLiteral("# test policy\nGROUP_NAMES = a, b, a.x\n\n");
    QTest::addRow("negative static quota")
        << header + QStringLiteral("GROUP_QUOTA_a = -5\n") << 4L << QStringLiteral("GROUP_QUOTA_a: -5");
    QTest::addRow("non-numeric static quota") << header + QStringLiteral("GROUP_QUOTA_b = lots\n") << 4L
                                              << QStringLiteral("GROUP_QUOTA_b: 'lots' is not a number");
    QTest::addRow("number with a unit as static quota")
        << header + QStringLiteral("GROUP_QUOTA_b = 10cores\n") << 4L << QStringLiteral("not a number");
    QTest::addRow("dynamic quota over 1") << header + QStringLiteral("GROUP_QUOTA_DYNAMIC_a.x = 1.5\n") << 4L
                                          << QStringLiteral("GROUP_QUOTA_DYNAMIC_a.x: 1.5");
    QTest::addRow("negative dynamic quota")
        << header + QStringLiteral("GROUP_QUOTA_DYNAMIC_b = -0.1\n") << 4L << QStringLiteral("out of range");
    QTest::addRow("orphan group") << QStringLiteral("# x\nGROUP_NAMES = a, b.c\n") << 2L
                                  << QStringLiteral("has no parent 'b'");
    QTest::addRow("orphan grandchild") << QStringLiteral("GROUP_NAMES = a, a.b.c\n") << 1L
                                       << QStringLiteral("has no parent 'a.b'");
    QTest::addRow("<none> in GROUP_NAMES")
        << QStringLiteral("\nGROUP_NAMES = a, <none>\n") << 2L << QStringLiteral("<none>");
    QTest::addRow("empty path element") << QStringLiteral("GROUP_NAMES = a, a..b\n") << 1L
                                        << QStringLiteral("not a valid group name");
    QTest::addRow("non-boolean GROUP_ACCEPT_SURPLUS_x")
        << header + QStringLiteral("GROUP_ACCEPT_SURPLUS_a = maybe\n") << 4L
        << QStringLiteral("GROUP_ACCEPT_SURPLUS_a: 'maybe' is not a boolean");
    QTest::addRow("non-boolean GROUP_ACCEPT_SURPLUS")
        << header + QStringLiteral("GROUP_ACCEPT_SURPLUS = 2\n") << 4L << QStringLiteral("not a boolean");
    QTest::addRow("non-boolean GROUP_AUTOREGROUP_x")
        << header + QStringLiteral("GROUP_AUTOREGROUP_b = sometimes\n") << 4L << QStringLiteral("not a boolean");
    QTest::addRow("NEGOTIATOR_INTERVAL not a number") << QStringLiteral("NEGOTIATOR_INTERVAL = soon\n") << 1L
                                                      << QStringLiteral("NEGOTIATOR_INTERVAL: 'soon' is not a number");
    QTest::addRow("NEGOTIATOR_INTERVAL zero")
        << QStringLiteral("A = 1\nNEGOTIATOR_INTERVAL = 0\n") << 2L << QStringLiteral("out of range");
    QTest::addRow("bad number through a macro: the knob's own line")
        << QStringLiteral("X = abc\nNEGOTIATOR_INTERVAL = $(X)\n") << 2L << QStringLiteral("'abc' is not a number");
    QTest::addRow("non-boolean NEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION") << QStringLiteral(
        "NEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION = perhaps\n") << 1L << QStringLiteral("not a boolean");
}

void ReadersTest::policyErrors()
{
    QFETCH(QString, text);
    QFETCH(long, line);
    QFETCH(QString, reason);
    const auto config = pp::Config::fromText(text.toStdString(), "policy.cfg");
    QVERIFY2(config.ok(), config.ok() ? "" : config.error().message().c_str());
    const auto policy = pp::policyFromConfig(*config);
    QVERIFY(!policy.ok());
    const auto& d = policy.error();
    QCOMPARE(q(d.source), QStringLiteral("policy.cfg"));
    QCOMPARE(d.line, line);
    QVERIFY2(q(d.reason).contains(reason), d.reason.c_str());
    QVERIFY(q(d.message()).startsWith(QStringLiteral("policy.cfg:%1: ").arg(line)));
}

void ReadersTest::policyClaimLeftoversFollowsSlotWeights_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("useSlotWeights");
    QTest::addColumn<bool>("claimLeftovers");
    QTest::addRow("neither set") << QString() << true << true;
    QTest::addRow("slot weights off") << QStringLiteral("NEGOTIATOR_USE_SLOT_WEIGHTS = False\n") << false << false;
    QTest::addRow("slot weights off, leftovers on")
        << QStringLiteral("NEGOTIATOR_USE_SLOT_WEIGHTS = False\nCLAIM_PARTITIONABLE_LEFTOVERS = True\n") << false
        << true;
    QTest::addRow("slot weights on, leftovers off")
        << QStringLiteral("NEGOTIATOR_USE_SLOT_WEIGHTS = True\nCLAIM_PARTITIONABLE_LEFTOVERS = False\n") << true
        << false;
}

void ReadersTest::policyClaimLeftoversFollowsSlotWeights()
{
    QFETCH(QString, text);
    QFETCH(bool, useSlotWeights);
    QFETCH(bool, claimLeftovers);
    const auto config = pp::Config::fromText(text.toStdString(), "x.cfg");
    QVERIFY(config.ok());
    const auto policy = pp::policyFromConfig(*config);
    QVERIFY(policy.ok());
    QCOMPARE(policy->useSlotWeights, useSlotWeights);
    QCOMPARE(policy->claimPartitionableLeftovers, claimLeftovers);
}

void ReadersTest::policyOldKnobNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rounds");
    QTest::addColumn<double>("rate");
    QTest::addRow("defaults") << QString() << 3 << 1e100;
    QTest::addRow("HFS_ names") << QStringLiteral("HFS_MAX_ALLOCATION_ROUNDS = 5\nHFS_ROUND_ROBIN_RATE = 2.5\n") << 5
                                << 2.5;
    QTest::addRow("new names") << QStringLiteral(
        "GROUP_QUOTA_MAX_ALLOCATION_ROUNDS = 7\nGROUP_QUOTA_ROUND_ROBIN_RATE = 4\n")
                               << 7 << 4.0;
    QTest::addRow("new names win over old")
        << QStringLiteral("GROUP_QUOTA_MAX_ALLOCATION_ROUNDS = 2\nHFS_MAX_ALLOCATION_ROUNDS = 9\nHFS_ROUND_ROBIN_RATE "
                          "= 8\nGROUP_QUOTA_ROUND_ROBIN_RATE = 3\n")
        << 2 << 3.0;
}

void ReadersTest::policyOldKnobNames()
{
    QFETCH(QString, text);
    QFETCH(int, rounds);
    QFETCH(double, rate);
    const auto config = pp::Config::fromText(text.toStdString(), "x.cfg");
    QVERIFY(config.ok());
    const auto policy = pp::policyFromConfig(*config);
    QVERIFY(policy.ok());
    QCOMPARE(policy->maxAllocationRounds, rounds);
    QCOMPARE(policy->roundRobinRate, rate);
}

void ReadersTest::policyRealConfigNegfail()
{
    // ../shared/htcondor-samples/configs/job_hgq_negfail_basic_van.condor_config (HTCondor's own test suite):
    // GROUP_NAMES = a, b, a.a, a.b, b.a, b.b, all GROUP_QUOTA_DYNAMIC_* = 0.5, GROUP_ACCEPT_SURPLUS = TRUE with
    // a and b FALSE, HFS_ROUND_ROBIN_RATE = 1.0, HFS_MAX_ALLOCATION_ROUNDS = 3, NEGOTIATOR_USE_SLOT_WEIGHTS = FALSE,
    // NEGOTIATOR_INTERVAL = 20, PREEMPTION_REQUIREMENTS = False.
    const QString path = sharedPath("htcondor-samples/configs/job_hgq_negfail_basic_van.condor_config");
    const auto config = pp::Config::fromFile(local(path));
    QVERIFY2(config.ok(), config.ok() ? "" : config.error().message().c_str());
    pp::Warnings warnings;
    const auto policy = pp::policyFromConfig(*config, &warnings);
    QVERIFY2(policy.ok(), policy.ok() ? "" : policy.error().message().c_str());
    QVERIFY2(warnings.empty(), warnings.empty() ? "" : warnings.messages().front().c_str());

    QStringList names;
    for (const auto& g : policy->groups)
        names << q(g.name);
    names.sort();
    QCOMPARE(names,
        (QStringList {QStringLiteral("a"), QStringLiteral("a.a"), QStringLiteral("a.b"), QStringLiteral("b"),
            QStringLiteral("b.a"), QStringLiteral("b.b")}));
    for (const auto& g : policy->groups) {
        QVERIFY2(!g.staticQuota, g.name.c_str());
        QCOMPARE(g.configQuota, 0.5);
        const bool top = g.name == "a" || g.name == "b";
        QCOMPARE(g.acceptSurplus, !top);
        QVERIFY(!g.autoregroup);
    }
    QCOMPARE(policy->maxAllocationRounds, 3);
    QCOMPARE(policy->roundRobinRate, 1.0);
    QCOMPARE(policy->useSlotWeights, false);
    QCOMPARE(policy->claimPartitionableLeftovers, false);
    QCOMPARE(policy->negotiatorInterval, 20.0);
    QCOMPARE(policy->considerPreemption, false);
    QCOMPARE(policy->claimWorklife, 1200.0); // not set in that file
    QCOMPARE(policy->autoregroupDefault, false);
    // The knob came from the file, at the line where the file defines it.
    const auto* e = config->entry("HFS_MAX_ALLOCATION_ROUNDS");
    QVERIFY(e);
    QCOMPARE(q(e->file), path);
    QCOMPARE(e->line, lineOf(path, "HFS_MAX_ALLOCATION_ROUNDS"));
    QVERIFY(e->line > 0);
}

void ReadersTest::policyRealConfigAutoregroup()
{
    // job_hgq_autoregroup_basic_van.condor_config: GROUP_NAMES = a, b; GROUP_QUOTA_a = GROUP_QUOTA_b = 1;
    // GROUP_ACCEPT_SURPLUS = FALSE; GROUP_AUTOREGROUP = TRUE; HFS_MAX_ALLOCATION_ROUNDS = 1;
    // HFS_ROUND_ROBIN_RATE = 100000000; CLAIM_WORKLIFE = 0; slot weights off; a GROUP_SORT_EXPR.
    const QString path = sharedPath("htcondor-samples/configs/job_hgq_autoregroup_basic_van.condor_config");
    const auto config = pp::Config::fromFile(local(path));
    QVERIFY2(config.ok(), config.ok() ? "" : config.error().message().c_str());
    pp::Warnings warnings;
    const auto policy = pp::policyFromConfig(*config, &warnings);
    QVERIFY2(policy.ok(), policy.ok() ? "" : policy.error().message().c_str());
    QCOMPARE(policy->groups.size(), std::size_t(2));
    for (const char* name : {"a", "b"}) {
        const auto* g = policy->group(name);
        QVERIFY(g);
        QVERIFY(g->staticQuota);
        QCOMPARE(g->configQuota, 1.0);
        QVERIFY(!g->acceptSurplus);
        QVERIFY(g->autoregroup);
    }
    QCOMPARE(policy->autoregroupDefault, true);
    QCOMPARE(policy->maxAllocationRounds, 1);
    QCOMPARE(policy->roundRobinRate, 1e8);
    QCOMPARE(policy->claimWorklife, 0.0);
    QCOMPARE(policy->useSlotWeights, false);
    QCOMPARE(policy->negotiatorInterval, 20.0);
    QVERIFY(q(policy->groupSortExpr).startsWith(QStringLiteral("ifThenElse(AccountingGroup=?=\"a\", 2,")));
    // GROUP_SORT_EXPR is evaluated as written (tst_negotiation checks the order it gives): no warning.
    QVERIFY(warnings.empty());
    QVERIFY(lineOf(path, "GROUP_SORT_EXPR") > 0);
}

void ReadersTest::policyRealConfigConsumptionPolicy()
{
    // job_cp_cclim_acctgrp_basic_van.condor_config: CONSUMPTION_POLICY = True, CLAIM_PARTITIONABLE_LEFTOVERS = False,
    // NEGOTIATOR_USE_SLOT_WEIGHTS = True, CLAIM_WORKLIFE=0, GROUP_NAMES = a, b, c with GROUP_QUOTA 1, 2, 3,
    // GROUP_ACCEPT_SURPLUS = False, GROUP_AUTOREGROUP = False, NEGOTIATOR_INTERVAL = 20.
    const QString path = sharedPath("htcondor-samples/configs/job_cp_cclim_acctgrp_basic_van.condor_config");
    const auto config = pp::Config::fromFile(local(path));
    QVERIFY2(config.ok(), config.ok() ? "" : config.error().message().c_str());
    pp::Warnings warnings;
    const auto policy = pp::policyFromConfig(*config, &warnings);
    QVERIFY2(policy.ok(), policy.ok() ? "" : policy.error().message().c_str());
    QVERIFY(warnings.empty());
    QCOMPARE(policy->consumptionPolicy, true);
    QCOMPARE(policy->claimPartitionableLeftovers, false);
    QCOMPARE(policy->useSlotWeights, true);
    QCOMPARE(policy->claimWorklife, 0.0);
    QCOMPARE(policy->negotiatorInterval, 20.0);
    QCOMPARE(policy->considerPreemption, false);
    QCOMPARE(policy->groups.size(), std::size_t(3));
    const char* names[] = {"a", "b", "c"};
    for (int i = 0; i < 3; ++i) {
        const auto* g = policy->group(names[i]);
        QVERIFY(g);
        QVERIFY(g->staticQuota);
        QCOMPARE(g->configQuota, double(i + 1));
        QVERIFY(!g->acceptSurplus);
        QVERIFY(!g->autoregroup);
    }
    // A knob PoolPlanner does not read is still there, expanded as written.
    QCOMPARE(q(*config->value("SLOT_WEIGHT")), QStringLiteral("floor(Memory / 25)"));
    QCOMPARE(q(*config->value("claim_worklife")), QStringLiteral("0"));
}

// ================================================================================================
// SWF

void ReadersTest::swfSliceMatchesFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("largest");
    // Anchors counted by hand from the files, so that this test and the engine cannot be wrong together.
    QTest::addColumn<long>("records");
    QTest::addColumn<long>("skippedRuntime");
    QTest::addColumn<long>("skippedTooBig");

    QTest::addRow("LPC slice, no machine limit") << dataPath("lpc-egee-slice.swf") << 0 << 60L << 11L << 0L;
    QTest::addRow("LPC slice, 1-core machines") << dataPath("lpc-egee-slice.swf") << 1 << 60L << 11L << 0L;
    QTest::addRow("HPC2N slice, no machine limit") << dataPath("hpc2n-slice.swf") << 0 << 60L << 6L << 0L;
    QTest::addRow("HPC2N slice, 8-core machines") << dataPath("hpc2n-slice.swf") << 8 << 60L << 6L << 43L;
    QTest::addRow("HPC2N slice, 32-core machines") << dataPath("hpc2n-slice.swf") << 32 << 60L << 6L << 8L;
}

void ReadersTest::swfSliceMatchesFile()
{
    QFETCH(QString, path);
    QFETCH(int, largest);
    QFETCH(long, records);
    QFETCH(long, skippedRuntime);
    QFETCH(long, skippedTooBig);
    const SwfExpectation e = expectFromPlainFile(path, largest);
    QVERIFY(e.ok);
    QCOMPARE(e.records, records);
    QCOMPARE(e.skippedRuntime, skippedRuntime);
    QCOMPARE(e.skippedTooBig, skippedTooBig);

    pp::SwfOptions options;
    options.largestMachineCores = largest;
    pp::Warnings warnings;
    const auto workload = pp::readSwf(local(path), options, warnings);
    QVERIFY2(workload.ok(), workload.ok() ? "" : workload.error().message().c_str());
    QCOMPARE(q(workload->source), path);
    QCOMPARE(workload->jobs.size(), e.jobs.size());
    QCOMPARE(static_cast<long>(workload->jobs.size()), records - skippedRuntime - skippedTooBig);
    double coreSeconds = 0;
    for (std::size_t i = 0; i < e.jobs.size(); ++i) {
        const auto& job = workload->jobs[i];
        const auto& want = e.jobs[i];
        QCOMPARE(double(job.submit), want.submit);
        QCOMPARE(double(job.runtime), want.runtime);
        QCOMPARE(double(job.cores), want.cores);
        QCOMPARE(double(job.memoryMb), want.memoryMb);
        QVERIFY(job.submitter < workload->submitters.size());
        QCOMPARE(q(workload->submitters[job.submitter]), q(want.submitter));
        coreSeconds += double(job.cores) * double(job.runtime);
    }
    QCOMPARE(coreSeconds, e.coreSeconds);
    QCOMPARE(std::set<std::string>(workload->submitters.begin(), workload->submitters.end()), e.submitters);

    // Skipped jobs by reason, each named for what it is: the trace's -1 fields, or wider than every machine.
    long noFields = 0;
    long wider = 0;
    for (const auto& skip : workload->skipped) {
        if (skip.reason.find("(-1 in the trace)") != std::string::npos)
            noFields += skip.jobs;
        else if (skip.reason == "wider than every machine (" + std::to_string(largest) + " cores)")
            wider += skip.jobs;
        else
            QFAIL(skip.reason.c_str());
    }
    QCOMPARE(noFields, skippedRuntime);
    QCOMPARE(wider, skippedTooBig);
    QCOMPARE(workload->sourceJobs, records);
    // One warning per reason, with the counts and the share of the trace, naming the file.
    QCOMPARE(warnings.items.size(), workload->skipped.size());
    for (const auto& skip : workload->skipped) {
        QVERIFY(anyWarningContains(warnings, QStringLiteral("%1 jobs of %2 (").arg(skip.jobs).arg(records)));
        QVERIFY(anyWarningContains(warnings, QString::fromStdString("were not replayed: " + skip.reason)));
    }
    for (const auto& w : warnings.items)
        QCOMPARE(q(w.source), path);
}

void ReadersTest::swfEpochFromHeader_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("epoch");
    QTest::addRow("LPC slice") << dataPath("lpc-egee-slice.swf") << qint64(1091615532);
    QTest::addRow("HPC2N slice") << dataPath("hpc2n-slice.swf") << qint64(1027839845);
}

void ReadersTest::swfEpochFromHeader()
{
    QFETCH(QString, path);
    QFETCH(qint64, epoch);
    QCOMPARE(expectFromPlainFile(path, 0).epoch, static_cast<long long>(epoch));
    pp::Warnings warnings;
    const auto workload = pp::readSwf(local(path), {}, warnings);
    QVERIFY(workload.ok());
    QCOMPARE(static_cast<qint64>(workload->epoch), epoch);
}

void ReadersTest::swfNaming()
{
    // Real lines of the LPC slice (user 24 of group 2, user 1 of group 1), the second copy with group -1.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString trace = dir.filePath(QStringLiteral("naming.swf"));
    QVERIFY(writeFile(trace,
        "; UnixStartTime: 1000\n"
        " 41553  6826989       4   41214 1  41189   34844 1 259200     -1 1 24  2 -1 5 1 -1 -1\n"
        " 41578  6827705       4       6 1      3   23496 1   7200     -1 1  1  1 -1 2 2 -1 -1\n"
        " 41579  6827705       3       5 1      2    6324 1   7200     -1 1  1 -1 -1 2 2 -1 -1\n"
        " 41580  6827705       4       6 1      2   23204 1   7200     -1 1  24  2 -1 2 2 -1 -1\n"));
    const QString map = dir.filePath(QStringLiteral("groups.map"));
    QVERIFY(writeFile(map, "# SWF group -> accounting group\ng2 = atlas.prod\n"));

    pp::Warnings warnings;
    const auto plain = pp::readSwf(local(trace), {}, warnings);
    QVERIFY(plain.ok());
    QCOMPARE(plain->epoch, std::int64_t(1000));
    QCOMPARE(plain->submitters, (std::vector<std::string> {"g2.u24", "g1.u1", "u1"}));
    QCOMPARE(plain->jobs.size(), std::size_t(4));
    QCOMPARE(plain->jobs[3].submitter, 0u); // the same submitter is one index
    QVERIFY(warnings.empty());

    const auto groupMap = pp::readGroupMap(local(map));
    QVERIFY(groupMap.ok());
    pp::SwfOptions options;
    options.groupMap = *groupMap;
    const auto mapped = pp::readSwf(local(trace), options, warnings);
    QVERIFY(mapped.ok());
    QCOMPARE(mapped->submitters, (std::vector<std::string> {"atlas.prod.u24", "g1.u1", "u1"}));
}

void ReadersTest::swfMemory_data()
{
    QTest::addColumn<int>("allocated");
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("usedKb");
    QTest::addColumn<int>("requestedKb");
    QTest::addColumn<int>("cores");
    QTest::addColumn<int>("memoryMb");

    QTest::addRow("unknown memory is 0") << 1 << 1 << -1 << -1 << 1 << 0;
    QTest::addRow("used 34844 KB -> 35 MB -> 128") << 1 << 1 << 34844 << -1 << 1 << 128;
    QTest::addRow("requested wins over used") << 1 << 1 << 500000 << 1024 << 1 << 128;
    QTest::addRow("requested per processor x 4 cores: 390.6 MB -> 512") << 4 << 4 << -1 << 100000 << 4 << 512;
    QTest::addRow("used per processor x 2 cores: 300 MB -> 384") << 2 << 2 << 153600 << -1 << 2 << 384;
    QTest::addRow("exactly 128 MB stays 128") << 1 << 1 << -1 << 131072 << 1 << 128;
    QTest::addRow("128 MB + 1 KB -> 256") << 1 << 1 << -1 << 131073 << 1 << 256;
    QTest::addRow("allocated unknown: requested processors") << -1 << 3 << -1 << 1024 << 3 << 128;
    QTest::addRow("allocated wins over requested") << 2 << 16 << -1 << 65536 << 2 << 128;
}

void ReadersTest::swfMemory()
{
    QFETCH(int, allocated);
    QFETCH(int, requested);
    QFETCH(int, usedKb);
    QFETCH(int, requestedKb);
    QFETCH(int, cores);
    QFETCH(int, memoryMb);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString trace = dir.filePath(QStringLiteral("mem.swf"));
    const QByteArray line = QStringLiteral("1 100 5 3600 %1 -1 %2 %3 7200 %4 1 7 3 -1 1 1 -1 -1\n")
                                .arg(allocated)
                                .arg(usedKb)
                                .arg(requested)
                                .arg(requestedKb)
                                .toUtf8();
    QVERIFY(writeFile(trace, line));
    pp::Warnings warnings;
    const auto workload = pp::readSwf(local(trace), {}, warnings);
    QVERIFY2(workload.ok(), workload.ok() ? "" : workload.error().message().c_str());
    QCOMPARE(workload->jobs.size(), std::size_t(1));
    QCOMPARE(int(workload->jobs[0].cores), cores);
    QCOMPARE(int(workload->jobs[0].memoryMb), memoryMb);
    QCOMPARE(int(workload->jobs[0].runtime), 3600);
    QCOMPARE(int(workload->jobs[0].submit), 100);
    QCOMPARE(q(workload->submitters[0]), QStringLiteral("g3.u7"));
}

void ReadersTest::swfSortsBySubmitTime()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString trace = dir.filePath(QStringLiteral("unsorted.swf"));
    QVERIFY(writeFile(trace,
        "1 300 0 10 1 -1 -1 1 -1 -1 1 1 1 -1 1 1 -1 -1\n"
        "2 100 0 20 1 -1 -1 1 -1 -1 1 2 1 -1 1 1 -1 -1\n"
        "3 300 0 30 1 -1 -1 1 -1 -1 1 3 1 -1 1 1 -1 -1\n"
        "4 200 0 40 1 -1 -1 1 -1 -1 1 4 1 -1 1 1 -1 -1\n"));
    pp::Warnings warnings;
    const auto workload = pp::readSwf(local(trace), {}, warnings);
    QVERIFY(workload.ok());
    std::vector<std::uint32_t> runtimes;
    for (const auto& j : workload->jobs)
        runtimes.push_back(j.runtime);
    QCOMPARE(runtimes, (std::vector<std::uint32_t> {20, 40, 10, 30})); // ties keep file order
}

void ReadersTest::swfErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<long>("line");
    QTest::addColumn<QString>("reason");

    const QByteArray good = " 41553  6826989       4   41214 1  41189   34844 1 259200     -1 1 24  2 -1 5 1 -1 -1\n";
    QTest::addRow("line with 5 fields") << "; header\n" + good + "1 2 3 4 5\n" + good << 3L
                                        << QStringLiteral("only 5 of the 18 SWF fields");
    QTest::addRow("line cut after 17 fields")
        << good + good + good + " 41554  6827010       9   24703 1  24671   34828 1 259200     -1 1 24  2 -1 5 1 -1\n"
        << 4L << QStringLiteral("only 17 of the 18");
    QTest::addRow("word in field 4") << "; x\n\n" + good
            + " 41554  6827010       9   abc 1  24671   34828 1 259200     -1 1 24  2 -1 5 1 -1 -1\n"
                                     << 4L << QStringLiteral("field 4 ('abc') is not a number");
    QTest::addRow("comma decimal in field 6")
        << QByteArray("1 0 0 10 1 3,5 -1 1 -1 -1 1 1 1 -1 1 1 -1 -1\n") << 1L << QStringLiteral("field 6 ('3,5')");
    QTest::addRow("CSV instead of SWF") << QByteArray("job,submit,wait\n1,0,0\n") << 1L
                                        << QStringLiteral("field 1 ('job,submit,wait')");
    QTest::addRow("line of 2 MiB of digits")
        << good + QByteArray(2 * 1024 * 1024, '1') + "\n" + good << 2L << QStringLiteral("longer than 1 MiB");
    QTest::addRow("empty file") << QByteArray() << 0L << QStringLiteral("no SWF job lines");
    QTest::addRow("only comments") << QByteArray("; Version: 2.2\n; MaxJobs: 0\n\n") << 3L
                                   << QStringLiteral("no SWF job lines");
    QTest::addRow("every job skipped") << QByteArray(
        "1 0 0 -1 1 -1 -1 1 -1 -1 1 1 1 -1 1 1 -1 -1\n2 0 0 -1 1 -1 -1 1 -1 -1 1 1 1 -1 1 1 -1 -1\n")
                                       << 0L << QStringLiteral("none of the 2 jobs");
}

void ReadersTest::swfErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(long, line);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString trace = dir.filePath(QStringLiteral("bad.swf"));
    QVERIFY(writeFile(trace, content));
    pp::Warnings warnings;
    const auto workload = pp::readSwf(local(trace), {}, warnings);
    QVERIFY(!workload.ok());
    const auto& d = workload.error();
    QCOMPARE(q(d.source), trace);
    QCOMPARE(d.line, line);
    QVERIFY2(q(d.reason).contains(reason), d.reason.c_str());
    if (line > 0)
        QVERIFY(q(d.message()).startsWith(trace + QStringLiteral(":%1: ").arg(line)));
}

void ReadersTest::swfRealTraceWithUserNamesIsRefused()
{
    // aleang-NGI_CZ_journal_PBSeasy.swf puts user names ("user_A") in field 12, where SWF has a number.
    const QString path = sharedPath("traces/aleang-NGI_CZ_journal_PBSeasy.swf");
    const QList<QByteArray> lines = readAll(path).split('\n');
    long firstJobLine = 0;
    QByteArray firstJob;
    for (qsizetype i = 0; i < lines.size() && firstJobLine == 0; ++i)
        if (!lines[i].trimmed().isEmpty() && !lines[i].trimmed().startsWith(';')) {
            firstJobLine = static_cast<long>(i + 1);
            firstJob = lines[i];
        }
    QVERIFY(firstJobLine > 0);
    const QList<QByteArray> fields = firstJob.simplified().split(' ');
    QVERIFY(fields.size() >= 18);
    QCOMPARE(fields[11], QByteArray("user_A"));

    pp::Warnings warnings;
    const auto workload = pp::readSwf(local(path), {}, warnings);
    QVERIFY(!workload.ok());
    QCOMPARE(q(workload.error().source), path);
    QCOMPARE(workload.error().line, firstJobLine);
    QVERIFY2(
        q(workload.error().reason).contains(QStringLiteral("field 12 ('user_A')")), workload.error().reason.c_str());
}

void ReadersTest::swfBadFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<long>("line"); // -1: not checked
    QTest::addRow("missing path") << QStringLiteral("missing") << QStringLiteral("no such file") << 0L;
    QTest::addRow("a directory") << QStringLiteral("directory") << QStringLiteral("is a directory") << 0L;
    QTest::addRow("empty file") << QStringLiteral("empty") << QStringLiteral("no SWF job lines") << 0L;
    QTest::addRow("random bytes") << QStringLiteral("random-bytes") << QStringLiteral("binary data") << -1L;
    QTest::addRow("2 GB sparse file of NULs, refused at the first chunk")
        << QStringLiteral("sparse-2GB") << QStringLiteral("binary data") << 1L;
    QTest::addRow("gzip without its trailer")
        << QStringLiteral("gzip-without-trailer") << QStringLiteral("corrupt or truncated") << -1L;
    QTest::addRow("real trace, first 100000 bytes of the .gz (cut mid-line)")
        << QStringLiteral("truncated-real-gzip") << QStringLiteral("truncated") << 9310L;
}

void ReadersTest::swfBadFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QFETCH(long, line);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = makeBadFile(dir, kind);
    QVERIFY(!path.isEmpty());
    QElapsedTimer timer;
    timer.start();
    pp::Warnings warnings;
    const auto workload = pp::readSwf(local(path), {}, warnings);
    const qint64 ms = timer.elapsed();
    QVERIFY(!workload.ok());
    const auto& d = workload.error();
    QCOMPARE(q(d.source), path);
    QVERIFY2(q(d.reason).contains(reason), d.reason.c_str());
    if (line >= 0)
        QCOMPARE(d.line, line);
    QVERIFY2(ms < 2000, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
}

void ReadersTest::swfRealLpcTrace()
{
    // The whole LPC-EGEE trace: 234,889 records. The expected numbers come from this test's own reading of
    // the decompressed text (field values), and are anchored by counts made with awk on the file.
    const QString path = sharedPath("traces/LPC-EGEE-2004-1.2-cln.swf.gz");
    QElapsedTimer timer;
    timer.start();
    SwfExpectation e;
    {
        auto opened = pp::LineReader::open(local(path));
        QVERIFY(std::holds_alternative<pp::LineReader>(opened));
        auto& reader = std::get<pp::LineReader>(opened);
        while (auto l = reader.next())
            expectLine(e, *l, 0);
        QVERIFY(!reader.error());
    }
    QVERIFY(e.ok);
    QCOMPARE(e.records, 234889L);
    QCOMPARE(e.skippedRuntime, 14194L);
    QCOMPARE(e.epoch, 1091615532LL);
    QCOMPARE(e.coreSeconds, 705375722.0);
    QCOMPARE(e.submitters.size(), std::size_t(55));

    pp::Warnings warnings;
    const auto workload = pp::readSwf(local(path), {}, warnings);
    QVERIFY2(workload.ok(), workload.ok() ? "" : workload.error().message().c_str());
    QCOMPARE(static_cast<long>(workload->jobs.size()), e.records - e.skippedRuntime);
    QCOMPARE(workload->jobs.size(), std::size_t(220695));
    QCOMPARE(workload->epoch, std::int64_t(1091615532));
    double coreSeconds = 0;
    std::map<std::string, long> perGroup;
    for (const auto& j : workload->jobs) {
        coreSeconds += double(j.cores) * double(j.runtime);
        const std::string& s = workload->submitters[j.submitter];
        ++perGroup[s.substr(0, s.find('.'))];
    }
    QCOMPARE(coreSeconds, e.coreSeconds);
    QCOMPARE(perGroup, e.jobsPerGroup);
    QCOMPARE(perGroup["g2"], 108210L);
    QCOMPARE(std::set<std::string>(workload->submitters.begin(), workload->submitters.end()), e.submitters);
    long skipped = 0;
    for (const auto& skip : workload->skipped)
        skipped += skip.jobs;
    QCOMPARE(skipped, 14194L);
    QCOMPARE(workload->sourceJobs, 234889L);
    QCOMPARE(warnings.items.size(), workload->skipped.size());
    QVERIFY(anyWarningContains(warnings, QStringLiteral(" jobs of 234889 (")));
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
}

void ReadersTest::groupMap_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<long>("errorLine"); // 0: valid
    QTest::addColumn<int>("entries");
    QTest::addRow("valid, comments and spaces")
        << QByteArray("# map\n\ng1 = atlas.prod\n  g2=cms   # CMS\n") << 0L << 2;
    QTest::addRow("later line wins") << QByteArray("g1 = a\ng1 = b\n") << 0L << 1;
    QTest::addRow("no =") << QByteArray("g1 = a\ng2 atlas\n") << 2L << 0;
    QTest::addRow("target with a space") << QByteArray("g1 = a\n\ng2 = two words\n") << 3L << 0;
    QTest::addRow("no source") << QByteArray("= atlas\n") << 1L << 0;
    QTest::addRow("no target") << QByteArray("g1 =\n") << 1L << 0;
}

void ReadersTest::groupMap()
{
    QFETCH(QByteArray, content);
    QFETCH(long, errorLine);
    QFETCH(int, entries);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("map.txt"));
    QVERIFY(writeFile(path, content));
    const auto map = pp::readGroupMap(local(path));
    if (errorLine > 0) {
        QVERIFY(!map.ok());
        QCOMPARE(q(map.error().source), path);
        QCOMPARE(map.error().line, errorLine);
        QVERIFY(q(map.error().reason).contains(QStringLiteral("expected 'gN = group.name'")));
        return;
    }
    QVERIFY(map.ok());
    QCOMPARE(int(map->size()), entries);
    if (entries == 2) {
        QCOMPARE(q(map->at("g1")), QStringLiteral("atlas.prod"));
        QCOMPARE(q(map->at("g2")), QStringLiteral("cms"));
    } else {
        QCOMPARE(q(map->at("g1")), QStringLiteral("b"));
    }
}

// ================================================================================================
// Pool

void ReadersTest::poolFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("machines");
    QTest::addColumn<long>("cores");
    QTest::addColumn<int>("largestCores");
    QTest::addColumn<long>("largestMemory");
    QTest::addColumn<QString>("firstName");
    QTest::addColumn<QString>("lastName");

    QTest::addRow("LPC: 70 dual nodes") << QByteArray("70 2 4096 lpc\n") << 70 << 140L << 2 << 4096L
                                        << QStringLiteral("lpc0001") << QStringLiteral("lpc0070");
    QTest::addRow("defaults: 2048 MB per core, node prefix")
        << QByteArray("4 8") << 4 << 32L << 8 << 16384L << QStringLiteral("node0001") << QStringLiteral("node0004");
    QTest::addRow("two kinds, comments, blank lines")
        << QByteArray("# the pool\n\n10 4 8192 small   # ten small\n\t2 32 131072 big\n") << 12 << 104L << 32 << 131072L
        << QStringLiteral("small0001") << QStringLiteral("big0012");
}

void ReadersTest::poolFileOwners()
{
    // The fifth field says which experiment contributed the machines; without it they have no owner.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("pool.txt"));
    QVERIFY(writeFile(path, QByteArray("2 8 16384 a atlas\n1 4\n")));
    const auto pool = pp::readPoolFile(local(path));
    QVERIFY(pool.ok());
    QCOMPARE(q(pool->machines[0].owner), QStringLiteral("atlas"));
    QCOMPARE(q(pool->machines[1].owner), QStringLiteral("atlas"));
    QVERIFY(pool->machines[2].owner.empty());
}

void ReadersTest::poolFile()
{
    QFETCH(QByteArray, content);
    QFETCH(int, machines);
    QFETCH(long, cores);
    QFETCH(int, largestCores);
    QFETCH(long, largestMemory);
    QFETCH(QString, firstName);
    QFETCH(QString, lastName);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("pool.txt"));
    QVERIFY(writeFile(path, content));
    const auto pool = pp::readPoolFile(local(path));
    QVERIFY2(pool.ok(), pool.ok() ? "" : pool.error().message().c_str());
    QCOMPARE(int(pool->machines.size()), machines);
    QCOMPARE(pool->totalCores(), cores);
    QCOMPARE(pool->largestMachineCores(), largestCores);
    QCOMPARE(pool->largestMachineMemoryMb(), largestMemory);
    QCOMPARE(q(pool->machines.front().name), firstName);
    QCOMPARE(q(pool->machines.back().name), lastName);
}

void ReadersTest::poolFileErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<long>("line");
    QTest::addColumn<QString>("reason");

    QTest::addRow("zero machines") << QByteArray("0 8\n") << 1L << QStringLiteral("machine count '0'");
    QTest::addRow("negative count") << QByteArray("# pool\n-3 8\n") << 2L << QStringLiteral("machine count '-3'");
    QTest::addRow("non-numeric count") << QByteArray("ten 8\n") << 1L << QStringLiteral("machine count 'ten'");
    QTest::addRow("fractional count") << QByteArray("2.5 8\n") << 1L << QStringLiteral("machine count '2.5'");
    QTest::addRow("zero cores") << QByteArray("4 8\n3 0\n") << 2L << QStringLiteral("cores '0'");
    QTest::addRow("non-numeric cores") << QByteArray("3 many\n") << 1L << QStringLiteral("cores 'many'");
    QTest::addRow("non-numeric memory") << QByteArray("3 8 lots\n") << 1L << QStringLiteral("memory 'lots'");
    QTest::addRow("zero memory") << QByteArray("3 8 0\n") << 1L << QStringLiteral("memory '0'");
    QTest::addRow("six fields") << QByteArray("1 2 3 four five six\n") << 1L << QStringLiteral("found 6 fields");
    QTest::addRow("count without cores") << QByteArray("\n\n5\n") << 3L << QStringLiteral("cores");
    QTest::addRow("empty file") << QByteArray() << 0L << QStringLiteral("describes no machines");
    QTest::addRow("only comments") << QByteArray("# nothing\n\n") << 0L << QStringLiteral("describes no machines");
}

void ReadersTest::poolFileErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(long, line);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("pool.txt"));
    QVERIFY(writeFile(path, content));
    const auto pool = pp::readPoolFile(local(path));
    QVERIFY(!pool.ok());
    QCOMPARE(q(pool.error().source), path);
    QCOMPARE(pool.error().line, line);
    QVERIFY2(q(pool.error().reason).contains(reason), pool.error().reason.c_str());
}

void ReadersTest::poolFileBadFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::addRow("missing path") << QStringLiteral("missing") << QStringLiteral("no such file");
    QTest::addRow("a directory") << QStringLiteral("directory") << QStringLiteral("is a directory");
    QTest::addRow("NUL byte") << QStringLiteral("nul-on-line-3") << QStringLiteral("binary data");
    QTest::addRow("2 GB sparse file of NULs") << QStringLiteral("sparse-2GB") << QStringLiteral("binary data");
}

void ReadersTest::poolFileBadFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = makeBadFile(dir, kind);
    QVERIFY(!path.isEmpty());
    QElapsedTimer timer;
    timer.start();
    const auto pool = pp::readPoolFile(local(path));
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(!pool.ok());
    QCOMPARE(q(pool.error().source), path);
    QVERIFY2(q(pool.error().reason).contains(reason), pool.error().reason.c_str());
}

void ReadersTest::poolUniform_data()
{
    QTest::addColumn<long>("totalCores");
    QTest::addColumn<int>("machineCores");
    QTest::addColumn<int>("machines"); // 0: an error
    QTest::addColumn<int>("lastCores");
    QTest::addColumn<QString>("option");

    QTest::addRow("100 cores of 8: 12 x 8 + 4") << 100L << 8 << 13 << 4 << QString();
    QTest::addRow("divides evenly") << 64L << 16 << 4 << 16 << QString();
    QTest::addRow("smaller than one machine") << 3L << 8 << 1 << 3 << QString();
    QTest::addRow("zero cores") << 0L << 8 << 0 << 0 << QStringLiteral("--cores");
    QTest::addRow("negative cores") << -5L << 8 << 0 << 0 << QStringLiteral("--cores");
    QTest::addRow("zero cores per machine") << 10L << 0 << 0 << 0 << QStringLiteral("--machine-cores");
    QTest::addRow("too many cores per machine") << 100000L << 70000 << 0 << 0 << QStringLiteral("--machine-cores");
}

void ReadersTest::poolUniform()
{
    QFETCH(long, totalCores);
    QFETCH(int, machineCores);
    QFETCH(int, machines);
    QFETCH(int, lastCores);
    QFETCH(QString, option);
    const auto pool = pp::Pool::uniform(totalCores, machineCores, 1000, "wn");
    if (machines == 0) {
        QVERIFY(!pool.ok());
        QCOMPARE(q(pool.error().source), option);
        QCOMPARE(pool.error().line, 0L);
        QVERIFY(q(pool.error().message()).startsWith(option + QStringLiteral(": ")));
        return;
    }
    QVERIFY(pool.ok());
    QCOMPARE(int(pool->machines.size()), machines);
    QCOMPARE(pool->totalCores(), totalCores);
    QCOMPARE(pool->machines.back().cores, lastCores);
    QCOMPARE(pool->machines.back().memoryMb, long(lastCores) * 1000);
    QCOMPARE(pool->largestMachineCores(), std::min<int>(machineCores, static_cast<int>(totalCores)));
    QCOMPARE(q(pool->machines.front().name), QStringLiteral("wn0001"));
}

// ================================================================================================
// ClassAd JSON: a fast reader for the plain JSON condor writes, and simdjson's DOM parser for everything else (an
// object with a \u escape, a name with escapes, a 19-digit integer, an error). Both must read the same ads.

namespace {

/// The ads of `json` (read from memory as `format`), each attribute of `names` as stored: literal or expression.
QStringList jsonAds(
    const QByteArray& json, pp::AdFormat format, const QStringList& names, const pp::AttributeFilter* keep = nullptr)
{
    const std::string path = "/test/ads.json";
    const pp::MemoryFileScope file(path, std::string_view(json.constData(), static_cast<std::size_t>(json.size())));
    QStringList out;
    pp::Warnings warnings;
    const auto read = pp::readClassAds(
        path, format,
        [&](pp::classad::ClassAd&& ad, long line) {
            QString text = QStringLiteral("line %1:").arg(line);
            for (const QString& name : names) {
                const std::string lower = name.toLower().toStdString();
                if (const auto* e = ad.lookupLower(lower))
                    text += QStringLiteral(" %1=expr(%2)").arg(name, q(e->text()));
                if (const auto* v = ad.lookupValueLower(lower)) {
                    QString value = q(v->toString());
                    if (v->type() == pp::classad::Value::Type::Real) { // every bit of it
                        char digits[64];
                        value = QStringLiteral("real ")
                            + QString::fromLatin1(
                                digits, std::to_chars(digits, digits + sizeof digits, v->asReal()).ptr - digits);
                    } else if (v->type() == pp::classad::Value::Type::Integer) {
                        value = QStringLiteral("int ") + value;
                    }
                    text += QStringLiteral(" %1=%2").arg(name, value);
                }
            }
            out << text;
            return true;
        },
        warnings, keep);
    out << (read ? QStringLiteral("%1 ads").arg(*read) : QStringLiteral("error: ") + q(read.error().message()));
    for (const auto& m : warnings.messages())
        out << QStringLiteral("warning: ") + q(m);
    return out;
}

} // namespace

void ReadersTest::jsonFastReaderReadsAsTheDomReader_data()
{
    QTest::addColumn<QByteArray>("members"); // the inside of an object
    QTest::addColumn<QStringList>("names");

    // What the fast reader vouches for.
    QTest::addRow("integers") << QByteArray(R"("A": 0, "B": -0, "C": 42, "D": -9007199254740993,
        "E": 123456789012345678, "F": -999999999999999999)")
                              << QStringLiteral("A,B,C,D,E,F").split(u',');
    QTest::addRow("reals") << QByteArray(R"("A": 0.0, "B": -0.0, "C": 1.5, "D": 0.1, "E": 1.8000000000018E-05,
        "F": 2.5e+300, "G": 1e-300, "H": 0.30000000000000004441, "I": 9007199254740993.0, "J": 1E22, "K": 0e-999,
        "L": 1e308, "M": 123456789.12345678901234567890123456789012345678901234567890, "N": -2.2250738585072014e-308)")
                           << QStringLiteral("A,B,C,D,E,F,G,H,I,J,K,L,M,N").split(u',');
    QTest::addRow("strings") << QByteArray(R"("A": "", "B": "plain", "C": "q\"b\\s\/n\nt\tb\bf\fr\r", "D": "caf)"
                                           "\xc3\xa9\xf0\x9f\x98\x80"
                                           R"(", "E": "/Expr(1)/ is no expression here", "F": "x/Expr(1)/")")
                             << QStringLiteral("A,B,C,D,E,F").split(u',');
    QTest::addRow("expressions") << QByteArray(
        R"("A": "\/Expr(ifthenelse(MemoryUsage isnt undefined,MemoryUsage,(ImageSize + 1023) / 1024))\/",
        "B": "\/Expr((TARGET.Arch == \"X86_64\") && TARGET.HasFileTransfer)\/",
        "C": "/Expr(2 * 3)/", "D": "\/Expr(undefined)\/", "E": "\/Expr(x)\/", "F": "\/Expr(1 + )\/")")
                                 << QStringLiteral("A,B,C,D,E,F").split(u',');
    QTest::addRow("literals, lists and nested ads")
        << QByteArray(R"("A": true, "B": false, "C": null, "D": [], "E": [1, -2.5, "s\"", true, null, [1], {"x": 1}],
        "F": {"G": [1, {"H": "\/Expr(1)\/"}]}, "I": [[[]]])")
        << QStringLiteral("A,B,C,D,E,F,G,H,I").split(u',');
    QTest::addRow("names: case, duplicates, empty") << QByteArray(
        R"("MyType": "Job", "mytype": "Machine", "A": 1, "A": "\/Expr(2)\/", "B": "\/Expr(3)\/",
        "B": 4, "": 5, "Name1": "n")") << QStringLiteral("MyType,A,B,,Name1").split(u',');
    // What it leaves to simdjson, read alike all the same.
    QTest::addRow("long integers") << QByteArray(R"("A": 1234567890123456789, "B": -9223372036854775808,
        "C": 18446744073709551615, "D": [18446744073709551615, 9223372036854775807])")
                                   << QStringLiteral("A,B,C,D").split(u',');
    QTest::addRow("subnormals, long exponents")
        << QByteArray(R"("A": 4.9e-324, "B": 1e-310, "C": 1e0001)") << QStringLiteral("A,B,C").split(u',');
    QTest::addRow("\\u escapes") << QByteArray(R"("A": "\u00e9\ud83d\ude00", "B": "\/Expr(\u0031)\/",
        "C": ["\u0041"], "D": {"\u0041": 1})")
                                 << QStringLiteral("A,B,C,D").split(u',');
}

void ReadersTest::jsonFastReaderReadsAsTheDomReader()
{
    QFETCH(QByteArray, members);
    QFETCH(QStringList, names);
    // A name with an escape sends the whole object to the DOM reader; it is not one of `names`.
    const QByteArray plain = "[\n{\n" + members + "\n},\n{ \"Z\": 1, " + members + " }\n]\n";
    const QByteArray dom = "[\n{\n" + members + ", \"Z\\u0061\": 1\n},\n{ \"Z\\u0061\": 1, " + members + " }\n]\n";
    const QStringList fast = jsonAds(plain, pp::AdFormat::Json, names);
    QVERIFY2(fast.size() >= 3 && fast[2] == QStringLiteral("2 ads"), qPrintable(fast.join(u'\n')));
    QCOMPARE(fast, jsonAds(dom, pp::AdFormat::Json, names));

    // -jsonl: one object a line, the same ads.
    QByteArray line = members;
    line.replace('\n', ' ');
    const QStringList fromLines = jsonAds("{" + line + "}\n{\"Z\": 1, " + line + "}\n", pp::AdFormat::JsonLines, names);
    QCOMPARE(fromLines.size(), fast.size());
    QCOMPARE(fromLines.mid(0, 2).replaceInStrings(QRegularExpression(QStringLiteral("^line \\d+:")), QString()),
        fast.mid(0, 2).replaceInStrings(QRegularExpression(QStringLiteral("^line \\d+:")), QString()));

    // A filter keeps the same values of what it keeps.
    const pp::AttributeFilter keep {"A", "C", "E", "MyType"};
    QCOMPARE(jsonAds(plain, pp::AdFormat::Json, names, &keep), jsonAds(dom, pp::AdFormat::Json, names, &keep));
}

void ReadersTest::jsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("filtered"); // read with a filter that skips every attribute: errors are errors still
    QTest::addColumn<QString>("reason");
    QTest::addColumn<long>("line");

    const QByteArray head = "[\n{\n  \"MyType\": \"Job\",\n  \"A\": ";
    const QByteArray tail = ",\n  \"B\": 1\n}\n]\n";
    for (const bool filtered : {false, true}) {
        const char* how = filtered ? "skipped" : "read";
        QTest::addRow("bad literal, %s", how)
            << head + "tru" + tail << filtered << QStringLiteral("invalid JSON") << 2L;
        QTest::addRow("leading zero, %s", how)
            << head + "01" + tail << filtered << QStringLiteral("invalid JSON") << 2L;
        QTest::addRow("too large a number, %s", how)
            << head + "1e400" + tail << filtered << QStringLiteral("invalid JSON") << 2L;
        QTest::addRow("21-digit integer, %s", how)
            << head + "123456789012345678901" + tail << filtered << QStringLiteral("invalid JSON") << 2L;
        QTest::addRow("bad escape, %s", how)
            << head + "\"a\\qb\"" + tail << filtered << QStringLiteral("invalid JSON") << 2L;
        QTest::addRow("lone surrogate, %s", how)
            << head + "\"\\ud800\"" + tail << filtered << QStringLiteral("invalid JSON") << 2L;
        QTest::addRow("tab in a string, %s", how)
            << head + "\"a\tb\"" + tail << filtered << QStringLiteral("invalid JSON") << 2L;
        QTest::addRow("invalid UTF-8, %s", how)
            << head + "\"a\xff\xfe\"" + tail << filtered << QStringLiteral("invalid JSON") << 2L;
        QTest::addRow("bad nested, %s", how)
            << head + "[1, {\"x\" 2}]" + tail << filtered << QStringLiteral("invalid JSON") << 2L;
        QTest::addRow("trailing comma, %s", how)
            << head + "[1, 2,]" + tail << filtered << QStringLiteral("invalid JSON") << 2L;
        QTest::addRow("bracket for brace, %s", how)
            << QByteArray("[\n{\n  \"A\": 1\n]\n") << filtered << QStringLiteral("invalid JSON") << 2L;
        QTest::addRow("truncated, %s", how) << head + "\"abc" << filtered << QStringLiteral("truncated") << 4L;
        QTest::addRow("a string across lines, %s", how)
            << head + "\"abc\n  def\"" + tail << filtered << QStringLiteral("invalid JSON") << 2L;
        QTest::addRow("junk between objects, %s", how)
            << QByteArray("[\n{\"A\": 1},\n{\"A\": 2} x\n]\n") << filtered << QStringLiteral("unexpected 'x'") << 3L;
    }
    QTest::addRow("an expression nested too deeply")
        << head + "\"\\/Expr(" + QByteArray(300, '(') + "1" + QByteArray(300, ')') + ")\\/\"" + tail << false
        << QStringLiteral("nested too deeply") << 2L;
}

void ReadersTest::jsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, filtered);
    QFETCH(QString, reason);
    QFETCH(long, line);
    const std::string path = "/test/bad.json";
    const pp::MemoryFileScope file(path, std::string_view(json.constData(), static_cast<std::size_t>(json.size())));
    static const pp::AttributeFilter none {"NoSuchAttribute"};
    pp::Warnings warnings;
    const auto read = pp::readClassAds(
        path, pp::AdFormat::Json, [](pp::classad::ClassAd&&, long) { return true; }, warnings,
        filtered ? &none : nullptr);
    QVERIFY(!read);
    QCOMPARE(q(read.error().source), q(path));
    QCOMPARE(read.error().line, line);
    QVERIFY2(q(read.error().reason).contains(reason), read.error().reason.c_str());
}

void ReadersTest::jsonLineNumbersAcrossBlocks_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<bool>("crlf");
    for (const bool crlf : {false, true}) {
        const char* ends = crlf ? "CRLF" : "LF";
        QTest::addRow("-json, %s", ends) << static_cast<int>(pp::AdFormat::Json) << crlf;
        QTest::addRow("-jsonl, %s", ends) << static_cast<int>(pp::AdFormat::JsonLines) << crlf;
    }
}

void ReadersTest::jsonLineNumbersAcrossBlocks()
{
    QFETCH(int, format);
    QFETCH(bool, crlf);
    const bool jsonl = format == static_cast<int>(pp::AdFormat::JsonLines);
    // ~400 KB of objects of uneven sizes, so that the reader's 64 KiB blocks end inside objects and between them.
    // Object `special` gets `member`, and `after` follows its closing brace. The lines are counted here.
    const auto file = [&](int special, const QByteArray& member, const QByteArray& after, std::vector<long>& lines) {
        QByteArray text = jsonl ? "" : "[\n";
        long line = jsonl ? 1 : 2;
        for (int k = 0; k < 600; ++k) {
            QByteArrayList members {"\"ClusterId\": " + QByteArray::number(k)};
            for (int j = 0; j < 1 + k * 7 % 13; ++j)
                members << "\"Pad" + QByteArray::number(j) + "\": \"" + QByteArray(10 + (k * 31 + j * 17) % 90, 'p')
                        + '"';
            if (k == special && !member.isEmpty())
                members << member;
            lines.push_back(line);
            if (jsonl) {
                text += "{" + members.join(", ") + "}" + (k == special ? after : "") + "\n";
                ++line;
            } else {
                text += "{\n  " + members.join(",\n  ") + "\n}" + (k == special ? after : "")
                    + (k < 599 ? "\n,\n" : "\n");
                line += members.size() + 3;
            }
        }
        if (!jsonl)
            text += "]\n";
        if (crlf)
            text.replace("\n", "\r\n");
        return text;
    };
    const QStringList names {QStringLiteral("ClusterId")};
    std::vector<long> lines;
    const QStringList all = jsonAds(file(-1, {}, {}, lines), static_cast<pp::AdFormat>(format), names);
    QCOMPARE(all.size(), 601);
    for (int k = 0; k < 600; ++k)
        QCOMPARE(all[k], QStringLiteral("line %1: ClusterId=int %2").arg(lines[k]).arg(k));
    QCOMPARE(all.last(), QStringLiteral("600 ads"));

    // An object the DOM reader takes (a \u escape) has its line, and so do the objects after it.
    lines.clear();
    const QStringList dom = jsonAds(file(350, "\"\\u0041\": 1", {}, lines), static_cast<pp::AdFormat>(format), names);
    QCOMPARE(dom.size(), 601);
    for (int k = 0; k < 600; ++k)
        QCOMPARE(dom[k], QStringLiteral("line %1: ClusterId=int %2").arg(lines[k]).arg(k));

    // An error in an object far into the file is at the object's first line; junk after one, at its last line.
    lines.clear();
    QStringList bad = jsonAds(file(400, "\"Bad\": tru", {}, lines), static_cast<pp::AdFormat>(format), names);
    QCOMPARE(bad.size(), 401);
    QCOMPARE(bad.mid(0, 400), all.mid(0, 400));
    QVERIFY2(bad.last().startsWith(QStringLiteral("error: /test/ads.json:%1: invalid JSON").arg(lines[400])),
        qPrintable(bad.last()));
    lines.clear();
    bad = jsonAds(file(450, {}, " x", lines), static_cast<pp::AdFormat>(format), names);
    QCOMPARE(bad.size(), 452);
    QCOMPARE(bad.mid(0, 451), all.mid(0, 451));
    QCOMPARE(bad.last(),
        QStringLiteral("error: /test/ads.json:%1: unexpected 'x' between JSON objects (expected a ClassAd object)")
            .arg(jsonl ? lines[450] : lines[451] - 2));
}

void ReadersTest::attributeFilterNumberedNames()
{
    const pp::AttributeFilter keep(
        {"Name", "NumSubmittors"}, pp::AttributeFilter::Mode::KeptOnly, {"Name", "Priority"});
    const std::string* lower = nullptr;
    QVERIFY(keep.keeps("NAME", &lower));
    QVERIFY(lower && *lower == "name");
    QVERIFY(keep.keeps("numsubmittors"));
    static const std::string unset = "unset";
    for (const char* numbered : {"Name1", "name12", "PRIORITY3", "Name007"}) {
        lower = &unset;
        QVERIFY2(keep.keeps(numbered, &lower), numbered);
        QVERIFY2(!lower, numbered); // the caller lower-cases a numbered name itself
    }
    for (const char* other : {"", "1", "Names1", "Nam1", "Name1x", "Priority", "IsAccountingGroup1"})
        QVERIFY2(!keep.keeps(other), other);

    const QByteArray userprio = "{\"NumSubmittors\": 2, \"Name1\": \"a.x\", \"Priority1\": 0.5, \"Name2\": \"b.y\", "
                                "\"Priority12\": 2.5, \"IsAccountingGroup1\": true, \"Other\": 1}\n";
    QCOMPARE(jsonAds(userprio, pp::AdFormat::JsonLines,
                 QStringLiteral("NumSubmittors,Name1,Priority1,Name2,Priority12,IsAccountingGroup1,Other").split(u','),
                 &keep),
        QStringList(
            {QStringLiteral(
                 "line 1: NumSubmittors=int 2 Name1=\"a.x\" Priority1=real 0.5 Name2=\"b.y\" Priority12=real 2.5"),
                QStringLiteral("1 ads")}));
}

void ReadersTest::attributeFilterAsFullRead_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("format"); // pp::AdFormat
    QTest::addColumn<QString>("expected"); // in what a full read gives

    const auto json = static_cast<int>(pp::AdFormat::Json);
    QTest::addRow("literals only") << QByteArray(R"([{"Cpus": 4, "Memory": 100, "State": "Claimed"}])") << json
                                   << QStringLiteral("1: Cpus 4 State \"Claimed\"");
    QTest::addRow("a kept expression refers to a skipped attribute")
        << QByteArray(R"([{"Cpus": "\/Expr(TotalCpus - 1)\/", "TotalCpus": 8}, {"Cpus": 2, "TotalCpus": 8}])") << json
        << QStringLiteral("1: Cpus 7 State undefined");
    QTest::addRow("a skipped expression the parser cannot read")
        << QByteArray(R"([{"Cpus": 4, "Requirements": "\/Expr(1 + )\/"}, {"Cpus": 1}])") << json
        << QStringLiteral("warning: /test/ads:1: attribute Requirements skipped");
    QTest::addRow("a skipped expression nested too deeply") << "[{\"Cpus\": 4, \"Requirements\": \"\\/Expr("
            + QByteArray(300, '(') + "1" + QByteArray(300, ')')
            + ")\\/\"}]" << json << QStringLiteral("nested too deeply");
    QTest::addRow("the DOM reader, a kept expression")
        << QByteArray(R"([{"Cpus": "\/Expr(TotalCpus / 2)\/", "TotalCpus": 8, "Z\u0061": 1}])") << json
        << QStringLiteral("1: Cpus 4 State undefined");
    QTest::addRow("long form") << QByteArray("Cpus = TotalCpus / 2\nTotalCpus = 8\nRequirements = 1 +\n")
                               << static_cast<int>(pp::AdFormat::Long)
                               << QStringLiteral("attribute Requirements skipped");
}

void ReadersTest::attributeFilterAsFullRead()
{
    QFETCH(QByteArray, json);
    QFETCH(int, format);
    QFETCH(QString, expected);
    // What inspect does: evaluate the kept names only. The filter must not change what they evaluate to, nor the
    // warnings and errors of the file.
    const pp::AttributeFilter keep({"Cpus", "State"}, pp::AttributeFilter::Mode::AsFullRead);
    const auto read = [&](const pp::AttributeFilter* filter) {
        const std::string path = "/test/ads";
        const pp::MemoryFileScope file(path, std::string_view(json.constData(), static_cast<std::size_t>(json.size())));
        QStringList out;
        pp::Warnings warnings;
        const auto ads = pp::readClassAds(
            path, static_cast<pp::AdFormat>(format),
            [&](pp::classad::ClassAd&& ad, long line) {
                out << QStringLiteral("%1: Cpus %2 State %3")
                           .arg(line)
                           .arg(
                               q(ad.evaluateAttribute("Cpus").toString()), q(ad.evaluateAttribute("State").toString()));
                return true;
            },
            warnings, filter);
        out << (ads ? QStringLiteral("%1 ads").arg(*ads) : QStringLiteral("error: ") + q(ads.error().message()));
        for (const auto& m : warnings.messages())
            out << QStringLiteral("warning: ") + q(m);
        return out;
    };
    const QStringList whole = read(nullptr);
    QVERIFY2(whole.join(u'\n').contains(expected), qPrintable(whole.join(u'\n')));
    QCOMPARE(read(&keep), whole);
}

// ================================================================================================
// Files held in memory: the bytes of a MemoryFileScope must read exactly as the same bytes in a file do, gzip,
// damage and line numbers included, since the pool watcher and the fuzzers rely on that to stand for files.

namespace {

/// Everything the readers make of `path`: the lines and how LineReader ends, the detected format, and the ads
/// readClassAds gives in `format` with its warnings or its error.
QStringList readEverything(const std::string& path, pp::AdFormat format)
{
    QStringList out;
    auto opened = pp::LineReader::open(path);
    if (const auto* error = std::get_if<pp::Diagnostic>(&opened))
        return {QStringLiteral("open: ") + q(error->message())};
    auto& reader = std::get<pp::LineReader>(opened);
    out << QStringLiteral("compressed: %1").arg(reader.compressed() ? 1 : 0);
    while (auto line = reader.next())
        out << QString::number(reader.lineNumber()) + QStringLiteral(": ")
                + QString::fromUtf8(line->data(), static_cast<qsizetype>(line->size()));
    out << QStringLiteral("end: ") + (reader.error() ? q(reader.error()->message()) : QStringLiteral("clean"));

    const auto detected = pp::detectFormat(path);
    out << QStringLiteral("format: ") + (detected ? q(pp::fileFormatName(*detected)) : q(detected.error().message()));

    pp::Warnings warnings;
    const auto ads = pp::readClassAds(
        path, format,
        [&](pp::classad::ClassAd&& ad, long line) {
            out << QStringLiteral("ad at %1: %2 attributes, Name %3")
                       .arg(line)
                       .arg(ad.size())
                       .arg(q(ad.evaluateAttribute("Name").toString()));
            return true;
        },
        warnings);
    out << QStringLiteral("ads: ") + (ads ? QString::number(*ads) : q(ads.error().message()));
    for (const auto& w : warnings.messages())
        out << QStringLiteral("warning: ") + q(w);
    return out;
}

} // namespace

void ReadersTest::memoryFileReadsLikeTheFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("format"); // pp::AdFormat
    QTest::addColumn<QString>("ending"); // what the last LineReader entry must say: the row tests what it claims

    const QByteArray slotAds
        = readAll(sharedPath("htcondor-samples/machine-ads/htcondor_StatusAds_partionable8core.long.ads"));
    QVERIFY(slotAds.size() > 1000);
    QByteArray many; // over 256 KiB of text, so that a damaged gzip fails in a later inflate step
    while (many.size() < 1500 * 1024)
        many += slotAds + "\n" + numberedSwfText(20) + "\n";
    const QByteArray json = readAll(sharedPath(
        "htcondor-samples/real-pool-25.14/C3_defrag_graceful_retirement/snapshots/000_1795669249_status.json.gz"));
    QVERIFY(json.size() > 100);
    QByteArray corrupt = gzip(many);
    corrupt[corrupt.size() * 6 / 10] = static_cast<char>(corrupt[corrupt.size() * 6 / 10] ^ 0x5a);
    const auto longForm = static_cast<int>(pp::AdFormat::Long);

    QTest::addRow("condor_status -long, plain") << slotAds << longForm << QStringLiteral("end: clean");
    QTest::addRow("the same, gzipped") << gzip(slotAds) << longForm << QStringLiteral("end: clean");
    QTest::addRow("condor_status -json of a real pool, gzipped by gzip")
        << json << static_cast<int>(pp::AdFormat::Json) << QStringLiteral("end: clean");
    const QByteArray whole = gzip(many);
    QTest::addRow("a gzip cut in half") << whole.left(whole.size() / 2) << longForm
                                        << QStringLiteral("corrupt or truncated");
    const QByteArray members = gzip(slotAds) + gzip(numberedSwfText(50)) + "trailing text\n";
    QTest::addRow("two gzip members, then bytes that are none (ignored)")
        << members << longForm << QStringLiteral("end: clean");
    QTest::addRow("a damaged byte in 1.5 MB of gzip")
        << corrupt << longForm << QStringLiteral("the file may be truncated");
    QTest::addRow("a NUL byte on line 3") << QByteArray("MyType = \"Machine\"\nName = \"a\"\nCp\0us = 4\n", 38)
                                          << longForm << QStringLiteral("binary data");
    QTest::addRow("empty") << QByteArray() << longForm << QStringLiteral("end: clean");
}

void ReadersTest::memoryFileReadsLikeTheFile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, format);
    QFETCH(QString, ending);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = local(dir.filePath(QStringLiteral("input.txt")));
    QVERIFY(writeFile(q(path), bytes));
    const QStringList fromFile = readEverything(path, static_cast<pp::AdFormat>(format));
    QVERIFY(QFile::remove(q(path))); // from here on, only the memory can answer for this path

    QStringList fromMemory;
    {
        const pp::MemoryFileScope scope(
            path, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        fromMemory = readEverything(path, static_cast<pp::AdFormat>(format));
    }
    QCOMPARE(fromMemory, fromFile);
    const auto end = std::find_if(
        fromFile.begin(), fromFile.end(), [](const QString& s) { return s.startsWith(QStringLiteral("end: ")); });
    QVERIFY(end != fromFile.end());
    QVERIFY2(end->contains(ending), qPrintable(*end));

    // The scope has ended: the path is a missing file again.
    const auto reopened = pp::LineReader::open(path);
    QVERIFY(std::holds_alternative<pp::Diagnostic>(reopened));
    QVERIFY(q(std::get<pp::Diagnostic>(reopened).reason).contains(QStringLiteral("no such file")));
}

void ReadersTest::memoryFileScopesNestAndStayOnTheirThread()
{
    const std::string outerBytes = "outer\n", innerBytes = "inner\n", otherBytes = "{}";
    const pp::MemoryFileScope outer("/poll/status", outerBytes);
    QVERIFY(pp::memoryFile("/poll/status"));
    QCOMPARE(*pp::memoryFile("/poll/status"), std::string_view("outer\n"));
    QVERIFY(!pp::memoryFile("/poll/q"));
    {
        const pp::MemoryFileScope inner("/poll/status", innerBytes);
        const pp::MemoryFileScope other("/poll/result.json", otherBytes);
        QCOMPARE(*pp::memoryFile("/poll/status"), std::string_view("inner\n")); // the newest scope of a name wins
        QCOMPARE(*pp::memoryFile("/poll/result.json"), std::string_view("{}"));
        // The result reader answers from memory too, as it would for a file holding "{}".
        const auto result = pp::readResultJson("/poll/result.json");
        QVERIFY(!result);
        QCOMPARE(q(result.error().source), QStringLiteral("/poll/result.json"));
        QVERIFY2(q(result.error().reason).contains(QStringLiteral("not a PoolPlanner result")),
            result.error().reason.c_str());
    }
    QCOMPARE(*pp::memoryFile("/poll/status"), std::string_view("outer\n"));
    QVERIFY(!pp::memoryFile("/poll/result.json"));
    const auto gone = pp::readResultJson("/poll/result.json");
    QVERIFY(!gone);
    QVERIFY(q(gone.error().reason).contains(QStringLiteral("no such file")));

    // Another thread (a second poll, the GUI) does not see this thread's files.
    bool seenElsewhere = true;
    std::thread([&] { seenElsewhere = pp::memoryFile("/poll/status") != nullptr; }).join();
    QVERIFY(!seenElsewhere);
}

QTEST_GUILESS_MAIN(ReadersTest)
#include "tst_readers.moc"
