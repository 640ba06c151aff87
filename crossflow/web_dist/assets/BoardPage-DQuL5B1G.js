const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/BarChart-BS3r98Yz.js","assets/rolldown-runtime-BLXQ4ufn.js","assets/index-CUr97UIb.js","assets/index-BL77Dcnv.css"])))=>i.map(i=>d[i]);
import{r as e}from"./rolldown-runtime-BLXQ4ufn.js";import{Ir as t,It as n,P as r,b as i,d as a,ei as o,l as s,o as c,r as l,t as u,u as d,y as f}from"./index-CUr97UIb.js";import{t as p}from"./space-DDlhjRAT.js";import{t as m}from"./table-DfeHDFG7.js";import{n as h,t as g}from"./colours-DfTPUJxm.js";import{t as _}from"./download-BDK5Vx8Z.js";var v=e(o(),1),y=l(),b=(0,v.lazy)(()=>u(()=>import(`./BarChart-BS3r98Yz.js`),__vite__mapDeps([0,1,2,3]))),x=s(`
  query DepartmentBoard {
    reports {
      tasksByStatus {
        departmentCode
        departmentName
        status
        count
      }
      overdueByDepartment {
        departmentCode
        departmentName
        tasks
        overdue
        completedLate
        completedOnTime
        notYetDue
        overdueRate
      }
    }
  }
`);function S({name:e}){let{t}=d(),r=_();return(0,y.jsx)(p,{children:[`csv`,`xlsx`].map(i=>(0,y.jsx)(n,{size:`small`,onClick:()=>void r(`/reports/${e}.${i}`),children:t(`board.download`,{format:i.toUpperCase()})},i))})}function C(){let{t:e,language:n}=d(),{data:o,error:s,loading:l}=t(x),u=(0,y.jsx)(f.Title,{level:1,style:{fontSize:22,margin:0},children:e(`nav.board`)});if(s)return(0,y.jsxs)(p,{direction:`vertical`,style:{width:`100%`},children:[u,(0,y.jsx)(i,{status:`403`,title:c(s,e,n)})]});let _=o?.reports,C=new Map;for(let e of _?.tasksByStatus??[]){let t=C.get(e.departmentCode)??{name:e.departmentName,total:0};t[e.status]=Number(t[e.status]??0)+e.count,t.total=Number(t.total)+e.count,C.set(e.departmentCode,t)}let w=[...C.values()];return(0,y.jsxs)(p,{direction:`vertical`,size:16,style:{width:`100%`},children:[u,(0,y.jsxs)(r,{size:`small`,loading:l&&!_,title:e(`board.tasksByStatus`),extra:(0,y.jsx)(S,{name:`task-status-by-department`}),"data-testid":`board-status`,children:[(0,y.jsx)(v.Suspense,{fallback:null,children:(0,y.jsx)(b,{rows:w,series:h.map(t=>({key:t,label:a(e,`status`,t),colour:g[t]}))})}),(0,y.jsx)(m,{size:`small`,rowKey:`name`,pagination:!1,scroll:{x:!0},dataSource:w,columns:[{title:e(`task.department`),dataIndex:`name`},{title:e(`board.total`),dataIndex:`total`},...h.map(t=>({title:a(e,`status`,t),key:t,render:(e,n)=>n[t]??0}))]})]}),(0,y.jsx)(r,{size:`small`,loading:l&&!_,title:e(`board.overdue`),extra:(0,y.jsx)(S,{name:`overdue-by-department`}),"data-testid":`board-overdue`,children:(0,y.jsx)(m,{size:`small`,rowKey:`departmentCode`,pagination:!1,scroll:{x:!0},dataSource:_?.overdueByDepartment??[],columns:[{title:e(`task.department`),dataIndex:`departmentName`},{title:e(`board.total`),dataIndex:`tasks`},{title:e(`board.delayed`),dataIndex:`overdue`},{title:e(`board.completedLate`),dataIndex:`completedLate`},{title:e(`board.completedOnTime`),dataIndex:`completedOnTime`},{title:e(`board.overdueRate`),key:`rate`,render:(e,t)=>t.overdueRate==null?`—`:`${Math.round(t.overdueRate*100)}%`}]})})]})}export{C as default};