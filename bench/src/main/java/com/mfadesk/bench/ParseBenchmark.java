package com.mfadesk.bench;

import com.mfadesk.intake.email.EmailParser;
import com.mfadesk.intake.email.ParsedEmail;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Our full normalisation ({@link EmailParser#parse}) against the floor under it: Jakarta Mail parsing the same bytes
 * and reading every header and every part's decoded content to the end, doing nothing with it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class ParseBenchmark {

    @Param({Mails.CORPUS, Mails.KB2, Mails.KB50, Mails.MB5_ATTACHMENT, Mails.MB5_HTML})
    public String input;

    private List<byte[]> mails;
    private int next;
    private final EmailParser parser = new EmailParser();
    private Session session;
    private final byte[] buffer = new byte[8192];

    @Setup
    public void setUp() {
        mails = Mails.input(input, Bench.projectRoot());
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        session = Session.getInstance(properties);
    }

    private byte[] nextMail() {
        byte[] mail = mails.get(next);
        next = next + 1 == mails.size() ? 0 : next + 1;
        return mail;
    }

    @Benchmark
    public ParsedEmail full() {
        return parser.parse(nextMail());
    }

    @Benchmark
    public long bareJakartaMail(Blackhole blackhole) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session, new SharedByteArrayInputStream(nextMail()));
        return walk(message, blackhole, 0);
    }

    /**
     * Every header, every multipart parsed, every leaf's content decoded (transfer encoding) and read to the end.
     * Multiparts and content streams are opened the lean way ({@link MimeMultipart} over a
     * {@link MimePartDataSource}, {@link MimeUtility#decode} of the raw stream), not through the activation
     * framework's {@code getContent()}/{@code getInputStream()}, whose per-call handler look-ups would make this
     * floor slower than our parser and flatter the ratio.
     */
    private long walk(MimePart part, Blackhole blackhole, int depth) throws MessagingException, IOException {
        long touched = 0;
        for (Enumeration<Header> headers = part.getAllHeaders(); headers.hasMoreElements(); ) {
            Header header = headers.nextElement();
            blackhole.consume(header.getValue());
            touched++;
        }
        String type = part.getContentType();
        if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10) && depth < 50) {
            MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(part));
            for (int i = 0; i < multipart.getCount(); i++) {
                touched += walk((MimePart) multipart.getBodyPart(i), blackhole, depth + 1);
            }
            return touched;
        }
        InputStream raw = part instanceof MimeMessage m ? m.getRawInputStream()
                : ((MimeBodyPart) part).getRawInputStream();
        InputStream decoded;
        try {
            decoded = MimeUtility.decode(raw, part.getEncoding() == null ? "7bit" : part.getEncoding());
        } catch (MessagingException unknownEncoding) {
            decoded = raw; // read as it is, as a reader would
        }
        try (InputStream in = decoded) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                touched += n;
            }
        }
        blackhole.consume(buffer);
        return touched;
    }
}
