package app.scantill.sandbox;

import app.scantill.money.MoneyFormat;
import java.util.Locale;

/**
 * The sandbox's hosted pay page: plain HTML forms, no JavaScript, large touch targets, readable on
 * any phone browser. Everything that comes from outside (product names from a CSV, ids, merchant
 * name) is HTML-escaped.
 */
final class PayPage {

    static final String BANNER = "SANDBOX — no real money";

    private final String merchant;
    private final MoneyFormat money;

    PayPage(String merchant, Locale locale) {
        this.merchant = merchant;
        this.money = new MoneyFormat(locale);
    }

    String open(SandboxSession s) {
        StringBuilder b = start("Pay " + merchant);
        summary(b, s);
        String action = "/c/pay/" + escape(s.id());
        if (s.paymentMethodTypes().contains("amazon_pay")) {
            button(b, action, "amazon_pay", "btn amazon", "Pay with Amazon Pay");
        }
        if (s.paymentMethodTypes().contains("card")) {
            button(b, action, "card", "btn card", "Pay by card");
        }
        button(b, action, "decline", "btn decline", "Decline");
        if (s.cancelUrl() != null) {
            b.append("<p class=\"center\"><a href=\"").append(escape(s.cancelUrl()))
                    .append("\">Back to ").append(escape(merchant)).append("</a></p>\n");
        }
        b.append("<p class=\"note\">This is a test page of the ScanTill sandbox. Nothing is charged, no card"
                + " or Amazon account is needed.</p>\n");
        return end(b);
    }

    String declined(SandboxSession s) {
        return statePage("Payment declined", "warn", "Payment declined", "Nothing was charged. The sale is still"
                + " open: you can pay now or hand the phone back.", s,
                "<a class=\"btn card\" href=\"/c/pay/" + escape(s.id()) + "\">Try again</a>\n");
    }

    String alreadyPaid(SandboxSession s, SandboxReceipt receipt) {
        return statePage("Already paid", "ok", "Already paid",
                "This payment is complete" + methodPhrase(s) + ". It cannot be paid again.", s, afterPayment(receipt));
    }

    String expired(SandboxSession s) {
        return statePage("Payment expired", "bad", "This payment has expired", "Nothing was charged and it"
                + " cannot be paid any more. Ask the cashier for a new code.", s, "");
    }

    String thankYou(SandboxSession s, SandboxReceipt receipt) {
        return statePage("Thank you", "ok", "Thank you!",
                "Paid" + methodPhrase(s) + ". You can hand the phone back or close this page.", s,
                afterPayment(receipt));
    }

    /**
     * The receipt page of a charge, as Stripe hosts one behind {@code receipt_url}: shop, receipt number,
     * date, lines, total, method and every refund with its status.
     */
    String receipt(SandboxReceipt r) {
        StringBuilder b = start("Receipt from " + merchant);
        b.append("<div class=\"state ok\"><h1>Receipt from ").append(escape(merchant)).append("</h1><p>Receipt #")
                .append(escape(r.receiptNumber())).append(" · ")
                .append(escape(java.time.format.DateTimeFormatter.ISO_INSTANT.format(r.paidAt()))).append("</p></div>\n");
        if (r.session() != null) {
            summary(b, r.session());
        }
        b.append("<section class=\"summary\">\n<table class=\"lines\">\n<tr><td>Amount paid</td><td class=\"amount\">")
                .append(escape(money.format(r.amount()))).append("</td></tr>\n<tr><td>Payment method</td>")
                .append("<td class=\"amount\">").append(escape(methodName(r.paymentMethodType()))).append("</td></tr>\n");
        refundRows(b, r);
        b.append("</table>\n</section>\n");
        return end(b);
    }

    private String afterPayment(SandboxReceipt receipt) {
        if (receipt == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (!receipt.refunds().isEmpty()) {
            b.append("<section class=\"summary\">\n<table class=\"lines\">\n");
            refundRows(b, receipt);
            b.append("</table>\n</section>\n");
        }
        return b.append("<p class=\"center\"><a href=\"").append(escape(receipt.url())).append("\">View receipt</a></p>\n")
                .toString();
    }

    private void refundRows(StringBuilder b, SandboxReceipt r) {
        for (SandboxRefund refund : r.refunds()) {
            b.append("<tr class=\"refund\"><td class=\"name\">Refund<span class=\"qty\">")
                    .append(escape(refund.status())).append(refund.reason() == null ? ""
                            : " · " + escape(refund.reason().replace('_', ' ')))
                    .append("</span></td><td class=\"amount\">−").append(escape(money.format(refund.amount())))
                    .append("</td></tr>\n");
        }
        if (!r.refunds().isEmpty()) {
            b.append("<tr class=\"sum\"><td>Refunded</td><td class=\"amount\">")
                    .append(escape(money.format(r.refunded()))).append("</td></tr>\n");
        }
    }

    private static String methodName(String type) {
        return "amazon_pay".equals(type) ? "Amazon Pay" : "card".equals(type) ? "Visa •••• 4242" : String.valueOf(type);
    }

    String notPaidYet(SandboxSession s) {
        return statePage("Not paid", "warn", "Not paid",
                "This payment is " + escape(s.status()) + " and has not been paid.", s, "");
    }

    String notFound() {
        return statePage("Not found", "bad", "Payment not found", "This link does not belong to any payment"
                + " of this till. Ask the cashier for a new code.", null, "");
    }

    String problem(String title, String message) {
        return statePage(title, "bad", escape(title), escape(message), null, "");
    }

    /**
     * A page that tells the customer where the payment stands: a coloured box ({@code ok}, {@code warn}
     * or {@code bad}) with a heading and a sentence (both HTML, already escaped), then the payment's
     * summary when there is a session, then {@code tailHtml}.
     */
    private String statePage(String title, String tone, String headingHtml, String messageHtml, SandboxSession s,
            String tailHtml) {
        StringBuilder b = start(title);
        b.append("<div class=\"state ").append(tone).append("\"><h1>").append(headingHtml).append("</h1><p>")
                .append(messageHtml).append("</p></div>\n");
        if (s != null) {
            summary(b, s);
        }
        return end(b.append(tailHtml));
    }

    private void summary(StringBuilder b, SandboxSession s) {
        b.append("<section class=\"summary\">\n<p class=\"merchant\">").append(escape(merchant)).append("</p>\n")
                .append("<p class=\"total\">").append(escape(money.format(s.amountTotal()))).append("</p>\n")
                .append("<table class=\"lines\">\n");
        for (SandboxSession.Line line : s.lines()) {
            b.append("<tr><td class=\"name\">").append(escape(line.name()));
            if (line.quantity() != 1) {
                b.append("<span class=\"qty\">").append(line.quantity()).append(" × ")
                        .append(escape(money.format(line.unitAmount()))).append("</span>");
            }
            b.append("</td><td class=\"amount\">").append(escape(money.format(line.amount()))).append("</td></tr>\n");
        }
        b.append("<tr class=\"sum\"><td>Total</td><td class=\"amount\">").append(escape(money.format(s.amountTotal())))
                .append("</td></tr>\n</table>\n</section>\n");
    }

    private static void button(StringBuilder b, String action, String method, String css, String label) {
        b.append("<form method=\"post\" action=\"").append(action).append("\">")
                .append("<input type=\"hidden\" name=\"method\" value=\"").append(method).append("\">")
                .append("<button type=\"submit\" class=\"").append(css).append("\">").append(label)
                .append("</button></form>\n");
    }

    private String methodPhrase(SandboxSession s) {
        if (s.paymentMethodType() == null) {
            return "";
        }
        return s.paymentMethodType().equals("amazon_pay") ? " with Amazon Pay" : " by card";
    }

    private StringBuilder start(String title) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>").append(escape(title)).append(" · Sandbox</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<div class=\"banner\" role=\"note\">").append(BANNER).append("</div>\n<main>\n");
        return b;
    }

    private static String end(StringBuilder b) {
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
            background:#f4f5f7;color:#1a1f36;font-size:18px;line-height:1.4}
            .banner{background:#ffb300;color:#1a1300;font-weight:800;text-align:center;padding:14px 12px;
            font-size:19px;letter-spacing:.04em;border-bottom:3px solid #c67c00}
            main{max-width:480px;margin:0 auto;padding:20px 16px 32px}
            .summary{background:#fff;border-radius:14px;padding:20px 18px;box-shadow:0 1px 3px rgba(0,0,0,.12);
            margin-bottom:22px}
            .merchant{margin:0;color:#4f566b;font-size:17px;font-weight:600}
            .total{margin:4px 0 14px;font-size:40px;font-weight:800;letter-spacing:-.01em}
            .lines{width:100%;border-collapse:collapse;font-size:17px}
            .lines td{padding:10px 0;border-top:1px solid #e3e8ee;vertical-align:top}
            .lines .amount{text-align:right;white-space:nowrap;padding-left:12px}
            .lines .name{word-break:break-word}
            .qty{display:block;color:#697386;font-size:15px}
            .lines .sum td{font-weight:800;border-top:2px solid #1a1f36}
            form{margin:0 0 14px}
            .btn{display:block;width:100%;min-height:60px;border:0;border-radius:12px;font-size:20px;font-weight:700;
            padding:16px;text-align:center;text-decoration:none;cursor:pointer;font-family:inherit}
            .amazon{background:#ffd814;color:#0f1111;border:2px solid #f2c200}
            .card{background:#635bff;color:#fff}
            .decline{background:#fff;color:#b42318;border:2px solid #d0d5dd}
            .state{border-radius:14px;padding:18px;margin-bottom:18px;background:#fff;border-left:8px solid #697386}
            .state h1{margin:0 0 6px;font-size:26px}
            .state p{margin:0}
            .ok{border-left-color:#12b76a}.warn{border-left-color:#f79009}.bad{border-left-color:#d92d20}
            .note{color:#697386;font-size:15px;text-align:center;margin-top:18px}
            .center{text-align:center}
            a{color:#635bff}
            """;
}
