//! Irregular word forms that ROUGE-1.5.5 maps to their base form before stemming (it looks every
//! word up in a database built from WordNet's exception lists, and a form found there is not
//! stemmed further: "were" becomes "be", "said" becomes "say").

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;

use crate::error::EvalError;

/// A table from irregular forms to base forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exceptions(Arc<HashMap<String, String>>);

impl Default for Exceptions {
    /// The built-in table: the irregular forms frequent in news.
    fn default() -> Self {
        Self::builtin()
    }
}

impl Exceptions {
    /// No exceptions: every word goes straight to the stemmer.
    pub fn none() -> Self {
        Self(Arc::new(HashMap::new()))
    }

    /// The built-in table of common irregular English forms (inflected, base), written for
    /// Parallax; it covers the forms that matter for news summaries, not all of WordNet's.
    pub fn builtin() -> Self {
        let map = BUILTIN
            .split_whitespace()
            .collect::<Vec<_>>()
            .chunks_exact(2)
            .map(|p| (p[0].to_string(), p[1].to_string()))
            .collect();
        Self(Arc::new(map))
    }

    /// WordNet's own exception lists, read from a WordNet `dict` folder (the `*.exc` files, as
    /// installed for example by Debian's `wordnet-base` in `/usr/share/wordnet`). As ROUGE's
    /// database builder does, each line maps its first word to its second.
    pub fn from_wordnet_dir(dir: &Path) -> Result<Self, EvalError> {
        let mut map = HashMap::new();
        for name in ["adj.exc", "adv.exc", "noun.exc", "verb.exc"] {
            let path = dir.join(name);
            let text = fs::read_to_string(&path).map_err(|error| EvalError::Io {
                path: path.display().to_string(),
                error,
            })?;
            for line in text.lines() {
                let mut f = line.split_whitespace();
                if let (Some(form), Some(base)) = (f.next(), f.next()) {
                    map.insert(form.to_string(), base.to_string());
                }
            }
        }
        Ok(Self(Arc::new(map)))
    }

    /// This table with one more entry.
    pub fn with(&self, form: &str, base: &str) -> Self {
        let mut map = (*self.0).clone();
        map.insert(form.to_string(), base.to_string());
        Self(Arc::new(map))
    }

    /// The base form of `word`, if it is an irregular form. Beyond the table, a verb form in
    /// `-ied` of five letters or more has its `-y` base ("denied" -> "deny"), as nearly all such
    /// entries of WordNet's lists do.
    pub fn get(&self, word: &str) -> Option<Cow<'_, str>> {
        if let Some(base) = self.0.get(word) {
            return Some(Cow::Borrowed(base));
        }
        let stem = word.strip_suffix("ied").filter(|_| word.len() >= 5)?;
        Some(Cow::Owned(format!("{stem}y")))
    }
}

/// Pairs of (irregular form, base form). Only forms longer than three letters matter, since
/// ROUGE leaves shorter words alone.
const BUILTIN: &str = "
been be were be
said say might may made make took take taken take told tell held hold found find left leave
came come became become went go gone go gave give given give known know knew know
began begin begun begin brought bring bought buy thought think sought seek fought fight
caught catch taught teach kept keep meant mean sent send spent spend built build lost lose
paid pay laid lay stood stand understood understand wrote write written write spoke speak
spoken speak broke break broken break chose choose chosen choose drove drive driven drive
rose rise risen rise fell fall fallen fall felt feel fled flee grew grow grown grow
threw throw thrown throw shown show seen see withdrew withdraw withdrawn withdraw
struck strike stricken strike shot shoot slain slay sank sink sunk sink swore swear
sworn swear tore tear torn tear wore wear worn wear hung hang hidden hide forgot forget
forgotten forget froze freeze frozen freeze drew draw drawn draw flew fly flown fly
rode ride ridden ride dealt deal slid slide shook shake shaken shake sold sell
heard hear led lead fed feed dying die lying lie tying tie done do does do having have
eaten eat sang sing sung sing swam swim stole steal stolen steal bore bear borne bear
beaten beat bitten bite blew blow blown blow bred breed clung cling crept creep dove dive
dwelt dwell fled flee flung fling forbade forbid forbidden forbid foresaw foresee
foreseen foresee forgave forgive forgiven forgive ground grind knelt kneel leapt leap
lent lend mistook mistake mistaken mistake overcame overcome overtook overtake overtaken overtake
overthrew overthrow overthrown overthrow rang ring rung ring sewn sew shrank shrink
shrunk shrink slept sleep slung sling smelt smell sped speed spun spin sprang spring
sprung spring stuck stick stung sting stank stink strode stride strove strive striven strive
swept sweep swung swing undertook undertake undertaken undertake underwent undergo
undergone undergo upheld uphold wept weep woken wake woke wake wound wind wrung wring
arisen arise arose arise awoke awake awoken awake befell befall befallen befall beheld behold
bound bind fought fight meant mean mislaid mislay misled mislead outran outrun outgrew outgrow
rebuilt rebuild repaid repay retold retell rewrote rewrite rewritten rewrite
children child women woman feet foot teeth tooth geese goose mice mouse oxen ox
lives life wives wife knives knife leaves leaf thieves thief halves half selves self
wolves wolf shelves shelf loaves loaf calves calf
data datum media medium criteria criterion phenomena phenomenon crises crisis
analyses analysis theses thesis hypotheses hypothesis diagnoses diagnosis
indices index matrices matrix appendices appendix axes axis bases basis
alumni alumnus cacti cactus fungi fungus nuclei nucleus radii radius stimuli stimulus
curricula curriculum memoranda memorandum strata stratum bacteria bacterium
better good best good worse bad worst bad bigger big biggest big hotter hot hottest hot
wetter wet wettest wet fatter fat fattest fat sadder sad saddest sad madder mad
thinner thin thinnest thin fitter fit fittest fit redder red reddest red
farther far farthest far further far furthest far elder old eldest old
";
