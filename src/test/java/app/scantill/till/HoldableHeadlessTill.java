package app.scantill.till;

import app.scantill.config.UserEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The crash tests' child process: the production {@link HeadlessTill} with its gateway wrapped in a
 * {@link HoldingGateway}, and two more commands read from the same stdin, handled before the till
 * sees the line: {@code hold create|expire|refund} (the next such call waits before it leaves the till) and
 * {@code release}. Runs on the test class path; see docs/adr/0061-crash-tests-with-a-real-process.md.
 */
final class HoldableHeadlessTill {

    private HoldableHeadlessTill() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        HoldingGateway holds = new HoldingGateway(line -> println(out, line));
        HoldCommands commands = new HoldCommands(new InputStreamReader(System.in, StandardCharsets.UTF_8), holds, out);
        int code = HeadlessTill.run(args, UserEnvironment.current(), commands, out, holds::around,
                holds::aroundRefunds);
        out.flush();
        System.exit(code);
    }

    private static void println(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /**
     * The till's command lines with {@code hold} and {@code release} taken out and carried out on
     * the way, on the till's own command thread, so they take effect in the order they were sent.
     */
    private static final class HoldCommands extends BufferedReader {
        private final HoldingGateway holds;
        private final PrintStream out;

        HoldCommands(Reader in, HoldingGateway holds, PrintStream out) {
            super(in);
            this.holds = holds;
            this.out = out;
        }

        @Override
        public String readLine() throws IOException {
            while (true) {
                String line = super.readLine();
                if (line == null) {
                    return null;
                }
                String[] words = line.strip().split("\\s+");
                if (words[0].equals("hold")) {
                    hold(words);
                } else if (words[0].equals("release")) {
                    holds.release();
                    println(out, "OK released=true");
                } else {
                    return line;
                }
            }
        }

        private void hold(String[] words) {
            String what = words.length > 1 ? words[1] : "";
            switch (what) {
                case "create" -> holds.arm(HoldingGateway.Operation.CREATE);
                case "expire" -> holds.arm(HoldingGateway.Operation.EXPIRE);
                case "refund" -> holds.arm(HoldingGateway.Operation.REFUND);
                default -> {
                    println(out, "ERROR text=\"Use: hold create | hold expire | hold refund\"");
                    return;
                }
            }
            println(out, "OK hold=" + what.toLowerCase(Locale.ROOT));
        }
    }
}
