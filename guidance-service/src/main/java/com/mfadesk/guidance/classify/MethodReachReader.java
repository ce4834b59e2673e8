package com.mfadesk.guidance.classify;

import com.mfadesk.guidance.text.Tokenizer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a user says about their other sign-in methods: "the office phone is no use, I'm working from home",
 * "the key is at home too", "the app was on that phone". SCENARIOS.md rule 5 counts an alternate the user cannot use
 * as no alternate, and the user knows where their key is; Graph only knows that it is registered.
 *
 * <p>A sentence is cut into clauses at "but" and its translations. A method named in a clause is out of reach when
 * that clause, or a later clause of the same sentence that names no method ("…registered too, but I'm at home so
 * I can't use it"), says it is away, broken, on the missing phone or unusable; a clause that says the method works
 * or is at hand keeps it. Text is folded first (lower case, no accents, "can't" → "can not"). Thread-safe.
 */
public final class MethodReachReader {

    private static final Pattern SENTENCES = Pattern.compile("([.!?;\\n]|:-?[()])+");
    private static final Pattern CLAUSES = Pattern.compile(
        ",?\\s+\\b(but|however|though|although|aber|doch|mais|pero|maar|mas|porem)\\b\\s*");

    private static final Map<MethodType, Pattern> MENTIONS = new EnumMap<>(MethodType.class);

    static {
        MENTIONS.put(MethodType.OFFICE_PHONE, Pattern.compile("\\b(office|desk|landline|land line|fixed|business)[ -]?"
            + "(phone|line|landline|number|telephone|extension|tel)\\b|\\blandline\\b|\\bdeskphone|\\bextension\\b"
            + "|\\bphone (at|on) my desk|\\bburo ?telefon|\\bfestnetz|\\btischtelefon|\\btelephone (fixe|du bureau|de bureau)"
            + "|\\b(poste|ligne|tel|le|mon|du) fixe|\\btelefono (fijo|de la oficina|de oficina|del despacho)|\\b(el|mi) fijo\\b"
            + "|\\bvaste (telefoon|lijn)|\\bkantoortelefoon|\\bbureautelefoon|\\btelefone (fixo|do escritorio)"
            + "|\\b(o|meu) fixo\\b"));
        MENTIONS.put(MethodType.ALTERNATE_PHONE, Pattern.compile("\\b(second|backup|back-up|back up|alternate"
            + "|alternative|other|spare|secondary|2nd)\\s+(mobile|phone|cell|number|sim|handset|iphone|device)\\b|\\bbackup (is|was) (my|the|a) (\\w+'?s? ){0,2}(phone|mobile|number|cell)"
            + "|\\b(wife|husband|partner|spouse|mum|mom|mother|dad|father|son|daughter|sister|brother)'?s? "
            + "(phone|mobile|cell|number)\\b|\\bzweit(handy|telefon|nummer)|\\bersatz(nummer|handy)|\\bprivathandy"
            + "|\\b(deuxieme|autre) (telephone|numero|portable)|\\bnumero de (secours|secours)"
            + "|\\b(segundo|otro) (movil|telefono|numero|celular)|\\bnumero alternativo|\\b(tweede|andere) "
            + "(telefoon|nummer|mobiel)|\\breservenummer|\\b(segundo|outro) (telemovel|celular|numero|telefone)"));
        MENTIONS.put(MethodType.SECURITY_KEY, Pattern.compile("\\bsecurity ?keys?\\b|\\byubi ?keys?\\b|\\bfido2?\\b"
            + "|\\bhardware key|\\busb key|\\bsicherheitsschlussel|\\bcle (de securite|fido|usb)"
            + "|\\b(llave|clave) (de seguridad|fido|usb)|\\bbeveiligingssleutel|\\bchave (de seguranca|fido|usb)"));
        MENTIONS.put(MethodType.OATH_TOKEN, Pattern.compile("\\btokens?\\b|\\bkey ?fob|\\bfob\\b|\\brsa\\b"
            + "|\\bcode generator|\\bcode ?gen\\b|\\bcodegenerator"
            + "|\\bgoogle authenticator|\\btotp\\b|\\bauthy\\b"));
        MENTIONS.put(MethodType.AUTHENTICATOR_APP, Pattern.compile("(?<!google )\\bauthenticator|\\bautenticador"
            + "|\\bauthentificat(or|eur)|\\bappli\\b|\\bauth app"
            + "|\\b(the|my|that|ms|microsoft|mfa) app\\b|\\bl'?appli(cation)?\\b|\\b(la|esa|mi) (app|aplicacion)\\b"
            + "|\\b(de|die|mijn) app\\b|\\b(o|a|meu|minha) (app|aplicativo|aplicacao)\\b"));
        MENTIONS.put(MethodType.EMAIL, Pattern.compile("\\b(backup|recovery|alternate|secondary"
            + "|other) e-?mail\\b|\\bcodes? (by|via|to my) e-?mail"));
        MENTIONS.put(MethodType.WINDOWS_HELLO, Pattern.compile("\\bwindows hello|\\bhello (pin|face)"
            + "|\\bfac(e|ial) recognition|\\bfingerprint|\\blaptop (pin|face)|\\bface (sign|log|unlock|login|id|thing)"
            + "|\\bgesichtserkennung|\\bfingerabdruck|\\breconnaissance faciale|\\bempreinte|\\breconocimiento facial"
            + "|\\bhuella|\\bgezichtsherkenning|\\bvingerafdruk|\\breconhecimento facial|\\bimpressao digital"));
    }

    /** The method is away, broken, on the missing phone, never set up or unusable. */
    private static final Pattern AWAY = Pattern.compile("\\b(at|in) (the )?(home|house|flat|apartment"
        + "|drawer|car|locker)\\b|\\bhome (too|as well|also)\\b|\\bout (too|as well)\\b|\\bno use\\b"
        + "|\\bon a (flight|plane|trip)\\b|\\bno luck\\b|\\b(was|were|is|are) (also )?(on|in) (it|there)\\b|\\bdrauf\\b"
        + "|\\bdessus\\b|\\bestava nele\\b|\\bzat op\\b|\\bempty\\b|\\bleer\\b|\\bvide\\b|\\bvazio\\b|\\bvacia\\b"
        + "|\\bno more\\b|\\bgone\\b|\\blocked (up|away|in)\\b|\\bno (signal|reception|coverage|camera)\\b"
        + "|\\bthat'?s a no\\b|\\bneither\\b|\\bin (my|his|her|the) (other )?(bag|backpack|handbag|coat|jacket)\\b"
        + "|\\b(his|her|their|partner'?s|husband'?s|wife'?s|son'?s|daughter'?s) key ?ring\\b|\\blockers?\\b|\\btiroir\\b|\\bcajon\\b|\\bschublade\\b|\\blade\\b|\\bgaveta\\b"
        + "|\\bsin cobertura\\b|\\bkein (netz|empfang)\\b|\\bpas de reseau\\b|\\b(handed|gave|given|sent|posted|brought|took|taken) (it |them )?(back|in)\\b"
        + "|\\breturned\\b|\\btraded in\\b|\\bingeleverd\\b|\\bzuruckgegeben\\b|\\brendu\\b|\\bdevolv|\\bentregue\\b"
        + "|\\bunreachable\\b|\\b(does|do|did|would|will) not help\\b|\\bno help\\b|\\b(switched|turned|powered) off\\b"
        + "|\\bnicht mehr\\b|\\bniet meer\\b|\\bya no\\b|\\bja nao\\b|\\bno good\\b|\\buseless\\b|\\bnot much use\\b|\\bsnapped\\b|\\bnever got (set|registered|added|configured)\\b"
        + "|\\bnever (installed|downloaded|had|used)\\b|\\bnot (at|in) (the |my )?(office|desk|work)\\b|\\bempty desk\\b|\\bwill not\\b"
        + "|\\bnicht im buro\\b|\\bpas au bureau\\b|\\bno estoy en la oficina\\b|\\bniet op kantoor\\b"
        + "|\\bnao estou no escritorio\\b|\\bweg\\b|\\bplus d'?\\b|\\bhome ?office\\b|\\bteletravail\\b|\\b(working|work|am|i'm|im) "
        + "(from )?home\\b|\\bwfh\\b|\\bremote(ly)?\\b|\\btravel+ing\\b|\\babroad\\b|\\bon (holiday|vacation|leave)\\b"
        + "|\\bleft\\b|\\bforg[eo]t|\\bnot (with|on) me\\b|\\bdo not have\\b|\\bhave not got\\b|\\bno access\\b"
        + "|\\bcan not (use|access|reach|get to|get at)\\b|\\bunable to (use|access|reach)\\b|\\bnot (working|work|"
        + "available|set up|setup|registered|an option|possible|accessible|reachable)\\b|\\bbroken\\b|\\bdead\\b"
        + "|\\bflat\\b|\\blost\\b|\\bstolen\\b|\\bmissing\\b|\\b(was|were|is|are|lives?) (also )?on (it|that|the|my"
        + "|this)\\b|\\bon (that|the same|the lost|the stolen|my old|the old|the broken|the dead|the missing) "
        + "(phone|mobile|device|one)\\b|\\bout of reach\\b|\\bexpired\\b|\\bold (number|one|sim)\\b|\\bno longer\\b"
        + "|\\bdisconnected\\b|\\bcancell?ed\\b|\\bported\\b|\\bnever (set|registered|added|configured)\\b"
        + "|\\bwith (it|the phone|my phone)\\b|\\bzu ?hause\\b|\\bdaheim\\b|\\bim buro\\b|\\bnicht (dabei|bei mir)\\b"
        + "|\\bvergessen\\b|\\bliegen (ge)?lassen|\\bkaputt\\b|\\bverloren\\b|\\bgestohlen\\b|\\bauf dem (gleichen|selben"
        + "|alten|verlorenen) (handy|telefon|gerat)|\\bfunktioniert (auch )?nicht\\b|\\bnicht eingerichtet\\b"
        + "|\\bhome ?office\\b|\\bkein zugriff\\b|\\bnicht erreichbar\\b|\\ba la maison\\b|\\bchez moi\\b"
        + "|\\bau bureau\\b|\\boublie|\\bperdu|\\bvole\\b|\\bcasse\\b|\\bsur (le meme|ce|mon ancien|l'ancien) "
        + "(telephone|portable)|\\bpas (sur|avec) moi\\b|\\bne (fonctionne|marche) pas\\b|\\bpas configure"
        + "|\\bteletravail\\b|\\bpas acces\\b|\\ben casa\\b|\\ben la oficina\\b|\\bolvid|\\bperdid|\\brobad"
        + "|\\broto\\b|\\ben el mismo (movil|telefono|celular)|\\bno (lo |la )?tengo\\b|\\bno funciona\\b"
        + "|\\bno (esta )?configurad|\\bteletrabaj|\\bsin acceso\\b|\\bthuis\\b|\\bop kantoor\\b|\\bvergeten\\b"
        + "|\\bkwijt\\b|\\bgestolen\\b|\\bkapot\\b|\\bop (dezelfde|die|mijn oude|de oude) (telefoon|gsm|mobiel)"
        + "|\\bniet bij me\\b|\\bwerkt (ook )?niet\\b|\\bniet ingesteld\\b|\\bgeen toegang\\b|\\bthuiswerk"
        + "|\\bem casa\\b|\\bno escritorio\\b|\\besqueci|\\bperdi\\b|\\broubad|\\bpartido\\b|\\bavariad"
        + "|\\bno mesmo (telemovel|celular|telefone)|\\bnao (o |a )?tenho\\b|\\bnao funciona\\b|\\bnao (esta )?"
        + "configurad|\\bteletrabalho\\b|\\bsem acesso\\b");

    /**
     * The method is at the office: out of reach for a key or token, but where the office phone is ("I'm in the
     * office today, I can use the desk phone").
     */
    private static final Pattern AT_THE_OFFICE = Pattern.compile("\\b(at|in) (the |my )?(office|desk|work)\\b"
        + "|\\bim buro\\b|\\bau bureau\\b|\\ben la oficina\\b|\\bop kantoor\\b|\\bno escritorio\\b");

    /** The user is at the office today: the office phone is at hand, whatever else is away. */
    private static final Pattern USER_AT_THE_OFFICE = Pattern.compile("\\b(i am|i'm|im|am|i'm sitting|currently) "
        + "(at|in) (the |my )?(office|desk|work)\\b|\\b(i am|i'm|im) at my desk\\b|\\bje suis au bureau\\b"
        + "|\\bestoy en la oficina\\b|\\bich bin (heute |gerade )?im buro\\b|\\b(ik zit|ik ben|zit ik) (nu |vandaag )?"
        + "(op kantoor|daar)\\b|\\bestou no escritorio\\b|\\bwith (my|his|her) office phone\\b");

    /** The method is at hand and works: "I have my YubiKey with me", "the desk phone works". */
    private static final Pattern AT_HAND = Pattern.compile("(?<!not )(?<!no )(?<!nicht )(?<!niet )(?<!pas )(?<!nao )\\b(with me|on me|here with me"
        + "|works|worked|can (still )?use|could use|still have|have it here|is here|get in with|getting in with"
        + "|signing in with|sign in with|can (ring|call|ask|phone) (her|him|them)|on my (key ?ring|keychain|lanyard|badge|keys)|avec moi|conmigo|comigo|bij me|bei mir|in my (pocket|wallet)|i do have|dabei|funktioniert"
        + "|fonctionne|marche|funciona|werkt)\\b");

    /**
     * What the user says about their methods.
     *
     * @param outOfReach the method types they say they cannot use now
     * @param atHand     they say some method is with them or works
     */
    public record Reach(Set<MethodType> outOfReach, boolean atHand) {
    }

    /**
     * @param phoneMissing the message is about a phone that is not with the user: the Authenticator app lives on it,
     *                     so naming the app without saying it works elsewhere names it as gone
     */
    public Reach read(String text, boolean phoneMissing) {
        String folded = FOLDER.fold(text);
        Set<MethodType> out = EnumSet.noneOf(MethodType.class);
        boolean anyAtHand = false;
        for (String sentence : SENTENCES.split(folded)) {
            List<Set<MethodType>> named = new ArrayList<>();
            for (String clause : CLAUSES.split(sentence)) {
                Set<MethodType> here = mentioned(clause);
                boolean atHand = AT_HAND.matcher(clause).find();
                anyAtHand |= atHand && !here.isEmpty();
                Set<MethodType> away = away(clause, here.isEmpty() && !named.isEmpty()
                    ? named.get(named.size() - 1) : here);
                if (!here.isEmpty()) {
                    named.add(here);
                }
                if (!atHand) {
                    // "…the office phone registered too, but I'm at home so I can't use it": a clause that names no
                    // method speaks of the last one named
                    out.addAll(away);
                    if (phoneMissing && here.contains(MethodType.AUTHENTICATOR_APP)) {
                        out.add(MethodType.AUTHENTICATOR_APP);
                    }
                }
            }
        }
        if (USER_AT_THE_OFFICE.matcher(folded).find()) {
            out.remove(MethodType.OFFICE_PHONE);
        }
        return new Reach(out, anyAtHand);
    }

    private static Set<MethodType> away(String clause, Set<MethodType> methods) {
        if (methods.isEmpty()) {
            return Set.of();
        }
        if (AWAY.matcher(clause).find()) {
            return methods;
        }
        if (AT_THE_OFFICE.matcher(clause).find()) {
            Set<MethodType> away = EnumSet.copyOf(methods);
            away.remove(MethodType.OFFICE_PHONE);
            return away;
        }
        return Set.of();
    }

    private static Set<MethodType> mentioned(String clause) {
        Set<MethodType> here = EnumSet.noneOf(MethodType.class);
        MENTIONS.forEach((type, pattern) -> {
            Matcher m = pattern.matcher(clause);
            if (m.find()) {
                here.add(type);
            }
        });
        return here;
    }

    private static final Tokenizer FOLDER = new Tokenizer();
}
