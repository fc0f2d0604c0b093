// HmacSha256 (pepper MACs of every presented token): RFC 4231 vectors, agreement with Qt's HMAC for many inputs,
// and the same answers from several threads at once.
#include "protocol/Hmac.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

#include <vector>

using td::protocol::HmacSha256;

class TestHmac : public QObject
{
    Q_OBJECT

private slots:
    void rfc4231_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("mac");
        QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                << QByteArray::fromHex(
                                       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                << QByteArray::fromHex(
                                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("case 6: key longer than a block")
            << QByteArray(131, '\xaa') << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << QByteArray::fromHex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    void rfc4231()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, mac);
        QCOMPARE(HmacSha256(key).mac(data), mac);
    }

    void agreesWithQt()
    {
        QRandomGenerator random(7);
        for (int round = 0; round < 200; ++round) {
            QByteArray key(int(random.bounded(100)), Qt::Uninitialized);
            for (char& c : key)
                c = char(random.bounded(256));
            const HmacSha256 hmac(key);
            for (int i = 0; i < 5; ++i) {
                QByteArray data(int(random.bounded(300)), Qt::Uninitialized);
                for (char& c : data)
                    c = char(random.bounded(256));
                QCOMPARE(hmac.mac(data), QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256));
            }
        }
    }

    void sameAnswersFromSeveralThreads()
    {
        const QByteArray key("a 32-byte pepper for the test...");
        const HmacSha256 hmac(key);
        std::vector<QByteArray> inputs;
        std::vector<QByteArray> expected;
        for (int i = 0; i < 64; ++i) {
            inputs.push_back("tdk_token_" + QByteArray::number(i));
            expected.push_back(QMessageAuthenticationCode::hash(inputs.back(), key, QCryptographicHash::Sha256));
        }
        std::vector<int> wrong(4, 0);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                for (int round = 0; round < 500; ++round) {
                    for (size_t i = 0; i < inputs.size(); ++i)
                        wrong[size_t(t)] += hmac.mac(inputs[i]) != expected[i];
                }
            }));
            threads.back()->start();
        }
        for (auto& thread : threads)
            QVERIFY(thread->wait(60000));
        QCOMPARE(wrong, std::vector<int>(4, 0));
    }
};

QTEST_GUILESS_MAIN(TestHmac)
#include "tst_hmac.moc"
