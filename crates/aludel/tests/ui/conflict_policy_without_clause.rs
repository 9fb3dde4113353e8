use aludel::Model;

#[derive(Model)]
#[aludel(policy(name = "t_all", to = ["authenticated"]))]
struct T {
    id: i64,
}

fn main() {}
