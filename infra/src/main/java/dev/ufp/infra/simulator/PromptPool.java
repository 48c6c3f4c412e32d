package dev.ufp.infra.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A few hundred distinct prompt texts built from templates over tasks in ten domains, so that the same prompt text
 * recurs across conversations (responses to one prompt are what mining pairs). Prompts are drawn with a Zipf-like
 * skew: a few are very common, most recur a handful of times.
 */
final class PromptPool {

    /** A task in a domain, with the words a good answer uses. */
    record Task(String domain, String tool, String phrase, String[] terms) {
    }

    /** A prompt text and the task it asks about. */
    record Prompt(int index, String text, Task task) {
    }

    private static final String[][] DOMAINS = {
            {"Python", "interpreter", "reverse a list|list,slice,reversed", "read a CSV file|csv module,reader,header row",
                    "remove duplicates from a list|set,order,dict.fromkeys", "sort a dictionary by value|sorted,key function,items",
                    "handle a KeyError|get method,default value,try block"},
            {"SQL", "database", "find duplicate rows|GROUP BY,HAVING,count", "join two tables|JOIN,foreign key,ON clause",
                    "paginate query results|LIMIT,OFFSET,ORDER BY", "add an index to a column|CREATE INDEX,query plan,column",
                    "count rows per day|date_trunc,GROUP BY,timestamp"},
            {"Git", "repository", "undo the last commit|reset,HEAD~1,soft reset", "rename a branch|branch -m,remote,upstream",
                    "resolve a merge conflict|conflict markers,merge,staging", "squash commits|interactive rebase,squash,history",
                    "recover a deleted branch|reflog,commit hash,checkout"},
            {"Linux shell", "terminal", "find large files|find,du,size", "kill a process by name|pkill,pid,signal",
                    "schedule a nightly job|cron,crontab,schedule", "count lines in files|wc,pipe,glob",
                    "search text in files|grep,recursive,pattern"},
            {"Excel", "spreadsheet", "remove blank rows|filter,blank cells,delete rows", "look up a value|XLOOKUP,lookup range,match",
                    "make a pivot table|pivot table,rows,values field", "split a column by comma|Text to Columns,delimiter,comma",
                    "highlight duplicates|conditional formatting,duplicate values,rule"},
            {"cooking", "kitchen", "make a sourdough starter|flour,water,feeding", "cook rice without sticking|rinse,ratio,simmer",
                    "thicken a sauce|cornstarch,slurry,reduce", "sear a steak|cast iron,smoke point,rest",
                    "keep herbs fresh|damp towel,fridge,stems"},
            {"gardening", "garden", "grow tomatoes on a balcony|container,sunlight,watering",
                    "get rid of aphids|soapy water,ladybugs,leaves", "compost kitchen scraps|greens,browns,turning",
                    "prune a rose bush|canes,bud,shears", "start seeds indoors|seed tray,grow light,germination"},
            {"travel", "trip", "pack light for two weeks|capsule wardrobe,packing cubes,layers",
                    "avoid jet lag|sleep schedule,daylight,hydration", "find cheap flights|fare alerts,flexible dates,layovers",
                    "plan a train trip in Europe|rail pass,reservations,timetable", "travel with a toddler|snacks,nap schedule,stroller"},
            {"personal finance", "budget", "build an emergency fund|savings account,monthly expenses,automatic transfer",
                    "pay off credit card debt|avalanche method,interest rate,minimum payment",
                    "start investing with little money|index fund,fees,dollar-cost averaging",
                    "track monthly spending|categories,budget app,receipts", "save for retirement|401k,employer match,compound interest"},
            {"fitness", "workout", "start running as a beginner|run-walk intervals,pace,rest days",
                    "do a proper push-up|plank position,elbows,core", "build muscle at home|progressive overload,bodyweight,protein",
                    "improve flexibility|stretching,hamstrings,routine", "warm up before lifting|mobility,light sets,heart rate"},
    };

    private static final String[] TEMPLATES = {
            "How do I %s in %s?",
            "What is the best way to %s in %s?",
            "Can you explain how to %s with %s?",
            "Give me step by step instructions to %s in %s.",
            "I'm stuck trying to %s in %s. Any advice?",
            "Quick question: how can I %s using %s?",
    };

    private final List<Prompt> prompts = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();
    private final double[] cumulative;

    PromptPool() {
        for (String[] domain : DOMAINS) {
            for (int t = 2; t < domain.length; t++) {
                String[] parts = domain[t].split("\\|");
                tasks.add(new Task(domain[0], domain[1], parts[0], parts[1].split(",")));
            }
        }
        for (String template : TEMPLATES) {
            for (Task task : tasks) {
                prompts.add(new Prompt(prompts.size(), String.format(template, task.phrase(), task.domain()), task));
            }
        }
        cumulative = new double[prompts.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += 1.0 / Math.pow(rankOf(i) + 1, 0.6);
            cumulative[i] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
    }

    /** Spreads popularity over domains: prompt i has popularity rank by a fixed permutation. */
    private int rankOf(int i) {
        return (int) ((i * 7919L) % prompts.size());
    }

    int size() {
        return prompts.size();
    }

    Prompt draw(Random random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return prompts.get(lo);
    }

    /** A task other than {@code task}, for off-topic answers. */
    Task otherTask(Task task, Random random) {
        Task other = tasks.get(random.nextInt(tasks.size()));
        return other == task ? tasks.get((tasks.indexOf(task) + 7) % tasks.size()) : other;
    }
}
